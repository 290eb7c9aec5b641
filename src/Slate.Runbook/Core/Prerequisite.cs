namespace Slate.Runbook.Core;

/// <summary>A step that must have reached (part of) its gate before another may change anything, and the command that runs it.</summary>
public sealed record Prerequisite(string Command, IStep Step, StepRequirement Requirement);
