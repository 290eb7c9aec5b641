namespace Slate.Maas.Models;

/// <summary>The answer of <c>op=query_power_state</c>: <c>on</c>, <c>off</c>, <c>unknown</c> or <c>error</c>.</summary>
public sealed record PowerStateReading(string State);
