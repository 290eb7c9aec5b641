using Slate.Libvirt.Tests.Contract;

namespace Slate.Libvirt.Tests.Lab;

public sealed class ServedLabContractTests() : HypervisorContract(new ServedLabWorld());
