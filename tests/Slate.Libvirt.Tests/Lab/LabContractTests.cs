using Slate.Libvirt.Tests.Contract;

namespace Slate.Libvirt.Tests.Lab;

public sealed class LabContractTests() : HypervisorContract(new LabWorld());
