// Typed accessors between one member of a row class and one column: getters for LoadFromEnumerable, setters for
// CreateEnumerable. Built once per row type by RowTypeMembers.
namespace Microsoft.ML.Cnn.Data;

/// <summary>A column backed by a field or property of <typeparamref name="TRow"/>.</summary>
internal abstract class MemberColumn<TRow>(string name, DataViewType type, bool canWrite) where TRow : class
{
    public string Name { get; } = name;
    public DataViewType Type { get; } = type;
    public bool CanWrite { get; } = canWrite;

    /// <summary>A <c>ValueGetter&lt;Type.RawType&gt;</c> reading the member of the row <paramref name="current"/> returns.</summary>
    public abstract Delegate CreateGetter(Func<TRow> current);

    /// <summary>An action copying <paramref name="column"/>'s current value from <paramref name="source"/> into a row object.</summary>
    public abstract Action<TRow> CreateSetter(DataViewRow source, DataViewSchema.Column column);

    protected InvalidOperationException ReadOnly() => new($"Column '{Name}' maps to a member without a public setter.");
}

internal sealed class ScalarMember<TRow, T>(string name, DataViewType type, Func<TRow, T> get, Action<TRow, T>? set)
    : MemberColumn<TRow>(name, type, set != null) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> current) => (ValueGetter<T>)((ref T value) =>
    {
        T item = get(current());
        // Only a reference type (MLImage) can be null; consumers expect every row to hold a value. The IsValueType test
        // comes first so a value type is never boxed for the null check (unoptimized code would box every row).
        if (!typeof(T).IsValueType && item is null) throw new InvalidOperationException($"Column '{Name}': a row's {typeof(T).Name} member is null; every row needs a value.");
        value = item;
    });

    public override Action<TRow> CreateSetter(DataViewRow source, DataViewSchema.Column column)
    {
        var setter = set ?? throw ReadOnly();
        var getter = source.GetGetter<T>(column);
        T value = default!;
        return row => { getter(ref value); setter(row, value); };
    }
}

internal sealed class TextMember<TRow>(string name, DataViewType type, Func<TRow, string?> get, Action<TRow, string?>? set)
    : MemberColumn<TRow>(name, type, set != null) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> current) =>
        (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = (get(current()) ?? "").AsMemory());

    public override Action<TRow> CreateSetter(DataViewRow source, DataViewSchema.Column column)
    {
        var setter = set ?? throw ReadOnly();
        var getter = source.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return row => { getter(ref value); setter(row, value.ToString()); };
    }
}

internal sealed class ArrayMember<TRow, T>(string name, DataViewType type, Func<TRow, T[]?> get, Action<TRow, T[]?>? set)
    : MemberColumn<TRow>(name, type, set != null) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> current)
    {
        int size = ((VectorDataViewType)Type).Size;
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            T[] items = get(current()) ?? [];
            if (size > 0 && items.Length != size)
                throw new InvalidOperationException($"Column '{Name}' is a vector of {size} items ({Type}), but a row's array has {items.Length}.");
            new VBuffer<T>(items).CopyTo(ref value); // a copy, so consumers never alias the caller's arrays
        });
    }

    public override Action<TRow> CreateSetter(DataViewRow source, DataViewSchema.Column column)
    {
        var setter = set ?? throw ReadOnly();
        var getter = source.GetGetter<VBuffer<T>>(column);
        VBuffer<T> value = default;
        return row => { getter(ref value); setter(row, value.ToArray()); };
    }
}

internal sealed class TextArrayMember<TRow>(string name, DataViewType type, Func<TRow, string[]?> get, Action<TRow, string[]?>? set)
    : MemberColumn<TRow>(name, type, set != null) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> current)
    {
        int size = ((VectorDataViewType)Type).Size;
        return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            string[] items = get(current()) ?? [];
            if (size > 0 && items.Length != size)
                throw new InvalidOperationException($"Column '{Name}' is a vector of {size} items ({Type}), but a row's array has {items.Length}.");
            var memory = new ReadOnlyMemory<char>[items.Length];
            for (int i = 0; i < items.Length; i++) memory[i] = (items[i] ?? "").AsMemory();
            value = new VBuffer<ReadOnlyMemory<char>>(memory);
        });
    }

    public override Action<TRow> CreateSetter(DataViewRow source, DataViewSchema.Column column)
    {
        var setter = set ?? throw ReadOnly();
        var getter = source.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        VBuffer<ReadOnlyMemory<char>> value = default;
        return row =>
        {
            getter(ref value);
            var items = new string[value.Length];
            for (int i = 0; i < items.Length; i++) items[i] = value.GetValues()[i].ToString();
            setter(row, items);
        };
    }
}

/// <summary>A vector column held as a <see cref="VBuffer{T}"/> member; filling it reuses the member's array when large enough.</summary>
internal sealed class VBufferMember<TRow, T>(string name, DataViewType type, Func<TRow, VBuffer<T>> get, Action<TRow, VBuffer<T>>? set)
    : MemberColumn<TRow>(name, type, set != null) where TRow : class
{
    public override Delegate CreateGetter(Func<TRow> current)
    {
        int size = ((VectorDataViewType)Type).Size;
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            var items = get(current());
            if (size > 0 && items.Length != size)
                throw new InvalidOperationException($"Column '{Name}' is a vector of {size} items ({Type}), but a row's VBuffer has {items.Length}.");
            items.CopyTo(ref value); // a copy, so consumers never alias the caller's buffers
        });
    }

    public override Action<TRow> CreateSetter(DataViewRow source, DataViewSchema.Column column)
    {
        var setter = set ?? throw ReadOnly();
        var getter = source.GetGetter<VBuffer<T>>(column);
        VBuffer<T> value = default;
        return row =>
        {
            getter(ref value);
            var target = get(row);
            value.CopyTo(ref target);
            setter(row, target);
        };
    }
}
