// LoadFromTextFile's view: each cursor reads the file again, line by line, parsing only its active columns;
// a bad value fails at MoveNext with the file, line, column and field.
using Microsoft.ML.Cnn.Numerics;

namespace Microsoft.ML.Cnn.Data;

/// <summary>Where one column's values are in a line.</summary>
internal sealed record TextColumn(string Name, DataViewType Type, int Start, int End);

/// <summary>A data view over a delimited text file.</summary>
internal sealed class TextLoaderDataView : IDataView
{
    private readonly string _path;
    private readonly TextColumn[] _columns;
    private readonly char _separator;
    private readonly bool _hasHeader, _allowQuoting;

    public TextLoaderDataView(string path, TextColumn[] columns, char separator, bool hasHeader, bool allowQuoting)
    {
        (_path, _columns, _separator, _hasHeader, _allowQuoting) = (path, columns, separator, hasHeader, allowQuoting);
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns) builder.AddColumn(column.Name, column.Type);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, SeededRandom? rand = null) =>
        new Cursor(this, ActiveColumns.From(Schema, columnsNeeded));

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TextLoaderDataView _view;
        private readonly bool[] _active;
        private readonly TextColumnValue?[] _values;
        private readonly TextFieldSplitter _splitter;
        private readonly List<string> _fields = [];
        private StreamReader? _reader;
        private long _position = -1, _lineNumber;
        private bool _done;

        public Cursor(TextLoaderDataView view, bool[] active)
        {
            (_view, _active) = (view, active);
            _splitter = new TextFieldSplitter(view._separator, view._allowQuoting);
            _values = new TextColumnValue?[active.Length];
            for (int i = 0; i < active.Length; i++)
                if (active[i]) _values[i] = TextColumnValue.For(view._columns[i].Type, view._columns[i].Start, view._columns[i].End);
        }

        public override DataViewSchema Schema => _view.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_done) return false;
            if (_reader == null)
            {
                if (!File.Exists(_view._path)) throw new FileNotFoundException($"The text file '{_view._path}' does not exist.", _view._path);
                _reader = new StreamReader(_view._path);
                if (_view._hasHeader) { _reader.ReadLine(); _lineNumber++; }
            }
            string? line;
            do
            {
                line = _reader.ReadLine();
                _lineNumber++;
            } while (line != null && line.Length == 0);
            if (line == null)
            {
                _done = true;
                return false;
            }
            string? problem = _splitter.Split(line, _fields);
            if (problem != null) throw Error($"cannot split the line: {problem}.");
            for (int i = 0; i < _values.Length; i++)
                if (_values[i]?.Parse(_fields) is { } error) throw Error($"column '{_view._columns[i].Name}', {error}.");
            _position++;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(DataViewSchema.Column column) =>
            (ValueGetter<TValue>)_values[column.Index]!.CreateGetter(CheckOnRow);

        private void CheckOnRow()
        {
            if (_position < 0 || _done)
                throw new InvalidOperationException(_done ? "The cursor has passed the last line." : "The cursor is not on a line yet: call MoveNext first.");
        }

        private FormatException Error(string message) => new($"File '{_view._path}', line {_lineNumber}: {message}");

        protected override void Dispose(bool disposing)
        {
            if (disposing) _reader?.Dispose();
            _reader = null;
            _done = true;
        }
    }
}
