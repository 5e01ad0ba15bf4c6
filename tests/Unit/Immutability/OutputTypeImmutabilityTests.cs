using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using EntraStrongAuth.Cmdlets.Commands;
using Xunit;

namespace EntraStrongAuth.Tests.Immutability;

/// <summary>
/// What a cmdlet writes to the pipeline is a finished answer: no public setter (an init accessor is fine) and no
/// writable public field on any type a cmdlet declares in [OutputType], nor on the module's types reachable through
/// their properties (a Conditional Access entry inside a failure is output too).
/// </summary>
public sealed class OutputTypeImmutabilityTests
{
    [Fact]
    public void Every_cmdlet_declares_output_types_and_they_are_found()
    {
        var types = ReachableOutputTypes();

        Assert.Contains(types, t => t.Name == "StrongAuthFailure");
        Assert.Contains(types, t => t.Name == "MfaEnrollmentResult");
        Assert.Contains(types, t => t.Name == "HeadlessFinding");
        Assert.Contains(types, t => t.Name == "RemediationResult");
        Assert.Contains(types, t => t.Name == "AadstsErrorInfo");
        Assert.Contains(types, t => t.Name == "StrongAuthPolicy");
        Assert.Contains(types, t => t.Name == "AuthenticationStrength");
        Assert.Contains(types, t => t.Name == "EntraStrongAuthContext");
        Assert.Contains(types, t => t.Name == "SignInExportResult");
        Assert.Contains(types, t => t.Name == "StrongAuthSummary");
        Assert.Contains(types, t => t.Name == "Evidence");
        Assert.Contains(types, t => t.Name == "SignInEvent");
    }

    [Fact]
    public void The_check_sees_a_public_setter_and_lets_init_through()
    {
        Assert.Equal(new[] { typeof(Settable).FullName + ".Open" }, Writable(typeof(Settable)));
    }

    [Fact]
    public void No_cmdlet_output_type_has_a_public_setter()
    {
        var writable = ReachableOutputTypes()
            .SelectMany(Writable)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

        Assert.True(writable.Count == 0, "Writable members on cmdlet output types:" + Environment.NewLine + string.Join(Environment.NewLine, writable));
    }

    private static IEnumerable<string> Writable(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.SetMethod is { IsPublic: true } setter && !IsInit(setter))
            {
                yield return type.FullName + "." + property.Name;
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (!field.IsInitOnly)
            {
                yield return type.FullName + "." + field.Name + " (field)";
            }
        }
    }

    /// <summary>A type with one of each kind of property, to show what the check counts as writable.</summary>
    private sealed class Settable
    {
        public string? Open { get; set; }

        public string? Initialised { get; init; }

        public string? Fixed { get; }

        public string? Private { get; private set; }
    }

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == typeof(IsExternalInit).FullName);

    /// <summary>The [OutputType] types of every cmdlet, and the module's types their public properties lead to.</summary>
    private static IReadOnlyCollection<Type> ReachableOutputTypes()
    {
        var cmdlets = typeof(GetStrongAuthFailureCommand).Assembly.GetTypes().Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(cmdlets);
        var roots = cmdlets
            .SelectMany(c => c.GetCustomAttributes<OutputTypeAttribute>())
            .SelectMany(a => a.Type)
            .Select(t => t.Type)
            .Where(t => t is not null)
            .Select(t => t!);
        var found = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.Count > 0)
        {
            foreach (var type in ModuleTypes(queue.Dequeue()))
            {
                if (found.Add(type))
                {
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        queue.Enqueue(property.PropertyType);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The module's own classes among a property type, its generic arguments and array element (enums and BCL types have nothing to set).</summary>
    private static IEnumerable<Type> ModuleTypes(Type type)
    {
        if (type.IsArray)
        {
            return ModuleTypes(type.GetElementType()!);
        }

        if (type.IsGenericType)
        {
            var own = type.Namespace?.StartsWith("EntraStrongAuth", StringComparison.Ordinal) == true ? new[] { type.GetGenericTypeDefinition() } : Array.Empty<Type>();
            return own.Concat(type.GetGenericArguments().SelectMany(ModuleTypes));
        }

        return type.Namespace?.StartsWith("EntraStrongAuth", StringComparison.Ordinal) == true && !type.IsEnum ? new[] { type } : Array.Empty<Type>();
    }
}
