namespace Slate.Lab.Juju;

/// <summary>An error the lab's juju reports as <c>ERROR &lt;message&gt;</c> (exit 1), with the HTTP status it travels as.</summary>
public sealed class LabJujuException : Exception
{
    private LabJujuException(int statusCode, string message) : base(message) => StatusCode = statusCode;

    public int StatusCode { get; }

    public static LabJujuException ModelNotFound(string controller, string qualifiedModel) =>
        new(404, $"model {controller}:{qualifiedModel} not found");

    public static LabJujuException ControllerNotFound(string controller) => new(404, $"controller {controller} not found");

    public static LabJujuException Refused(string message) => new(409, message);
}
