// The error every failed oneDNN call turns into: it names the C function, the op being built or run, and the status.
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Cnn.Backends.OneDnn.Native;

/// <summary>A oneDNN C API call returned a status other than success.</summary>
public sealed class DnnlException : Exception
{
    internal DnnlException(string call, string operation, int status)
        : base($"oneDNN call {call} failed with {StatusName(status)} while {operation}.{Hint(status)}")
    {
        Call = call;
        Operation = operation;
        Status = status;
    }

    /// <summary>The C call as written at the call site, e.g. <c>Dnnl.dnnl_primitive_desc_create(...)</c>.</summary>
    public string Call { get; }

    /// <summary>What the backend was doing: the op and shapes being compiled or run.</summary>
    public string Operation { get; }

    /// <summary>The raw dnnl_status_t.</summary>
    public int Status { get; }

    private static string StatusName(int status) =>
        (DnnlStatus)status switch
        {
            DnnlStatus.OutOfMemory => "dnnl_out_of_memory",
            DnnlStatus.InvalidArguments => "dnnl_invalid_arguments",
            DnnlStatus.Unimplemented => "dnnl_unimplemented",
            DnnlStatus.IteratorEnds => "dnnl_iterator_ends",
            DnnlStatus.RuntimeError => "dnnl_runtime_error",
            DnnlStatus.NotRequired => "dnnl_not_required",
            _ => $"status {status}",
        };

    private static string Hint(int status) => (DnnlStatus)status switch
    {
        DnnlStatus.Unimplemented => " oneDNN has no implementation for these shapes and layouts; the managed backend supports them.",
        DnnlStatus.InvalidArguments => " A descriptor or argument was rejected: check the shapes and attributes of the op.",
        DnnlStatus.OutOfMemory => " Use a smaller batch.",
        _ => "",
    };
}

/// <summary>Status checking for every oneDNN call.</summary>
internal static class DnnlCheck
{
    /// <summary>Throws a <see cref="DnnlException"/> naming <paramref name="call"/> and <paramref name="operation"/> unless the status is success.</summary>
    public static void Check(DnnlStatus status, string operation, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != DnnlStatus.Success) throw new DnnlException(CallName(call), operation, (int)status);
    }

    // "Dnnl.dnnl_memory_create(out memory, ...)" → "dnnl_memory_create".
    private static string CallName(string expression)
    {
        int open = expression.IndexOf('(');
        string head = open < 0 ? expression : expression[..open];
        int dot = head.LastIndexOf('.');
        return dot < 0 ? head.Trim() : head[(dot + 1)..].Trim();
    }
}
