using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Generation;
using EntraStrongAuth.SignInGenerator.Model;
using EntraStrongAuth.SignInGenerator.Personas;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>
/// The default week of the seed-42 tenant, in memory: every persona shows each failure it declares (code and true
/// cause), and nothing it does not. This is what makes the samples a usable answer key for the classifier.
/// </summary>
public class PersonaCoverageTests
{
    private static readonly SignInStream Tenant = new(42, 60, GeneratorOptions.DefaultEnd, 7);
    private static readonly List<SignIn> Week = Tenant.NewestFirst(7).ToList();

    public static TheoryData<string> PersonaNames() => new(PersonaDeck.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Persona_emits_every_failure_it_declares(string name)
    {
        var persona = PersonaDeck.All.Single(p => p.Name == name);
        var emitted = Failures(name);

        Assert.All(persona.Failures, expected => Assert.Contains((expected.Code, expected.Cause), emitted));
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Persona_emits_no_failure_it_does_not_declare(string name)
    {
        var declared = PersonaDeck.All.Single(p => p.Name == name).Failures.Select(f => (f.Code, f.Cause)).ToHashSet();

        Assert.All(Failures(name), pair => Assert.Contains(pair, declared));
    }

    [Fact]
    public void Every_persona_signs_in_and_most_sign_ins_succeed()
    {
        Assert.Equal(PersonaDeck.All.Select(p => p.Name).ToHashSet(), Week.Select(s => s.PersonaName).ToHashSet());
        Assert.True(Week.Count(s => s.IsSuccess) > Week.Count / 2, "successes must be the majority");
    }

    [Fact]
    public void Failures_carry_a_cause_and_the_real_failure_reason_and_successes_carry_neither()
    {
        Assert.All(Week.Where(s => s.IsSuccess), s => Assert.Null(s.TrueCause));
        Assert.All(Week.Where(s => !s.IsSuccess), s => Assert.NotNull(s.TrueCause));
        Assert.All(Week.Where(s => !s.IsSuccess), s => Assert.NotEqual("Other.", s.FailureReason));
    }

    [Fact]
    public void Scripts_run_on_their_cadence_and_break_when_the_Azure_policy_is_enforced()
    {
        var deploy = Week.Where(s => s.PersonaName == "CiScriptRopcPython").ToList();

        Assert.Equal(14, deploy.Count);
        Assert.All(deploy, s => Assert.Equal(7, s.CreatedDateTime.AddSeconds(30).Minute)); // cron at :07, a few seconds of start-up jitter
        Assert.All(deploy, s => Assert.Equal("ropc", s.AuthenticationProtocol));
        Assert.All(deploy, s => Assert.Equal(s.CreatedDateTime >= Tenant.Tenant.AzureMfaEnforcedFrom, !s.IsSuccess));
        Assert.Contains(deploy, s => s.IsSuccess);
    }

    [Fact]
    public void Sign_ins_lie_in_the_window_newest_first_with_unique_ids()
    {
        Assert.All(Week, s => Assert.InRange(s.CreatedDateTime, Tenant.Tenant.WindowStart, GeneratorOptions.DefaultEnd.AddTicks(-1)));
        Assert.Equal(Week.OrderByDescending(s => s.CreatedDateTime).Select(s => s.CreatedDateTime), Week.Select(s => s.CreatedDateTime));
        Assert.Equal(Week.Count, Week.Select(s => s.Id).Distinct().Count());
        Assert.Equal(Tenant.Users.Count, Tenant.Users.Select(u => u.UserPrincipalName).Distinct().Count());
    }

    private static HashSet<(int, EntraStrongAuth.Core.Classification.FailureCause)> Failures(string persona) =>
        Week.Where(s => s.PersonaName == persona && !s.IsSuccess).Select(s => (s.ErrorCode, s.TrueCause!.Value)).ToHashSet();
}
