using System.Text.Json;

namespace Slate.Lab.Juju;

/// <summary>
/// The <c>storage</c> block of <c>juju status --format=json</c>: storage instances and the volumes behind them, in the
/// shape of juju's CombinedStorage (cmd/juju/storage/list.go, storage.go, volume.go). Empty when the model has none.
/// </summary>
internal static class LabJujuStorageJson
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<LabJujuStorage> storage)
    {
        w.WriteStartObject("storage");
        if (storage.Count > 0)
        {
            w.WriteStartObject("storage");
            foreach (var instance in storage) Instance(w, instance);
            w.WriteEndObject();
            w.WriteStartObject("volumes");
            foreach (var instance in storage) Volume(w, instance);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Instance(Utf8JsonWriter w, LabJujuStorage instance)
    {
        w.WriteStartObject(instance.Id);
        w.WriteString("kind", "block");
        w.WriteString("life", "alive");
        Status(w, instance);
        w.WriteBoolean("persistent", instance.Persistent);
        if (instance.Unit is { } unit)
        {
            w.WriteStartObject("attachments");
            UnitAttachments(w, instance, unit);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Volume(Utf8JsonWriter w, LabJujuStorage instance)
    {
        w.WriteStartObject(instance.VolumeId);
        w.WriteString("provider-id", $"volume-{instance.VolumeId}");
        w.WriteString("storage", instance.Id);
        if (instance is { Unit: { } unit, Machine: { } machine })
        {
            w.WriteStartObject("attachments");
            w.WriteStartObject("machines");
            w.WriteStartObject(machine);
            w.WriteString("device", instance.Location["/dev/".Length..]);
            w.WriteBoolean("read-only", false);
            w.WriteString("life", "alive");
            w.WriteEndObject();
            w.WriteEndObject();
            UnitAttachments(w, instance, unit);
            w.WriteEndObject();
        }
        w.WriteString("pool", "maas");
        w.WriteNumber("size", instance.SizeMiB);
        w.WriteBoolean("persistent", instance.Persistent);
        w.WriteString("life", "alive");
        Status(w, instance);
        w.WriteEndObject();
    }

    private static void UnitAttachments(Utf8JsonWriter w, LabJujuStorage instance, string unit)
    {
        w.WriteStartObject("units");
        w.WriteStartObject(unit);
        if (instance.Machine is { } machine) w.WriteString("machine", machine);
        w.WriteString("location", instance.Location);
        w.WriteString("life", "alive");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Status(Utf8JsonWriter w, LabJujuStorage instance)
    {
        w.WriteStartObject("status");
        w.WriteString("current", instance.Unit is null ? "detached" : "attached");
        w.WriteString("since", LabJujuJson.Since(instance.Since));
        w.WriteEndObject();
    }
}
