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

    /// <summary>Juju's refusal to destroy a model with persistent storage when neither storage flag was given (cmd/juju/model/destroy.go).</summary>
    public static LabJujuException PersistentStorage(string model, int volumes) => new(409, $$"""
        cannot destroy model "{{model}}"

        The model has persistent storage remaining:
        	{{volumes}} volume{{(volumes > 1 ? "s" : "")}}

        To destroy the storage, run the destroy-model
        command again with the "--destroy-storage" option.

        To release the storage from Juju's management
        without destroying it, use the "--release-storage"
        option instead. The storage can then be imported
        into another Juju model.


        """);
}
