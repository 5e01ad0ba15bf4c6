using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// The smallest set of methods to register that completes one combination. Search: for every combination, fill what
/// the user's methods already fill, then try every assignment of suggestible method rows (method-modes.json rows with
/// "suggest": true) to the open slots. The best plan has, in this order: the fewest distinct new methods; the lowest
/// sum of the rows' positions in method-modes.json (the file's order is the preference order); the earliest
/// combination in the strength's allowedCombinations. Every step is ordered, so the answer is deterministic.
/// </summary>
internal sealed class AdditionPlan
{
    private AdditionPlan(string combination, IReadOnlyList<MethodSuggestion> suggestions, IReadOnlyList<string> policyChanges, int count, int rankSum)
    {
        Combination = combination;
        Suggestions = suggestions;
        PolicyChanges = policyChanges;
        Count = count;
        RankSum = rankSum;
    }

    public string Combination { get; }

    public IReadOnlyList<MethodSuggestion> Suggestions { get; }

    /// <summary>Policy requirements the plan needs that the user's policy does not meet (only when the policy was ignored).</summary>
    public IReadOnlyList<string> PolicyChanges { get; }

    private int Count { get; }

    private int RankSum { get; }

    public static AdditionPlan? Search(
        List<IReadOnlyList<StrengthSlot>> combinations,
        List<Capability> capabilities,
        StrengthData data,
        UserMethodsPolicy policy,
        StrengthUser user,
        bool enforcePolicy)
    {
        AdditionPlan? best = null;
        foreach (var slots in combinations)
        {
            var plan = PlanFor(slots, capabilities, data, policy, user, enforcePolicy);
            if (plan is not null && (best is null || plan.Count < best.Count || (plan.Count == best.Count && plan.RankSum < best.RankSum)))
            {
                best = plan;
            }
        }

        return best;
    }

    private static AdditionPlan? PlanFor(IReadOnlyList<StrengthSlot> slots, List<Capability> capabilities, StrengthData data, UserMethodsPolicy policy, StrengthUser user, bool enforcePolicy)
    {
        var filled = StrengthEvaluator.Fill(slots, capabilities);
        var options = new List<List<Option>>();
        for (var i = 0; i < slots.Count; i++)
        {
            if (filled[i] is not null)
            {
                continue;
            }

            var slotOptions = OptionsFor(slots[i], data, policy, user, enforcePolicy);
            if (slotOptions.Count == 0)
            {
                return null;
            }

            options.Add(slotOptions);
        }

        List<Option>? chosen = null;
        int bestCount = int.MaxValue, bestRank = int.MaxValue;
        foreach (var assignment in Product(options))
        {
            var distinct = assignment.GroupBy(o => o.Rank).Select(g => g.First()).ToList();
            var rank = distinct.Sum(o => o.Rank);
            if (distinct.Count < bestCount || (distinct.Count == bestCount && rank < bestRank))
            {
                chosen = assignment;
                bestCount = distinct.Count;
                bestRank = rank;
            }
        }

        chosen ??= new List<Option>();
        var suggestions = chosen
            .GroupBy(o => o.Rank)
            .Select(g => new MethodSuggestion(
                g.First().Entry.Label,
                g.First().Entry.Keys[0],
                g.Select(o => o.Grant.Mode),
                g.First().Entry.SetUpBy,
                g.All(o => o.Grant.EnabledBy(policy)),
                g.First().Restriction))
            .ToList();

        var changes = new List<string>();
        foreach (var capability in filled.Where(c => c?.Grant is not null).Select(c => c!))
        {
            if (!capability.Grant!.EnabledBy(policy))
            {
                changes.Add(string.Join(" or ", capability.Grant.Policy));
            }
            else if (capability.Mode == "fido2" && !policy.AllowsAaguid(capability.Method.Aaguid))
            {
                changes.Add("Fido2 key restrictions (allow AAGUID " + capability.Method.Aaguid + ")");
            }
        }

        changes.AddRange(chosen.Where(o => !o.Grant.EnabledBy(policy)).Select(o => string.Join(" or ", o.Grant.Policy)));
        return new AdditionPlan(slots[0].Combination, suggestions, changes.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), bestCount == int.MaxValue ? 0 : bestCount, bestRank == int.MaxValue ? 0 : bestRank);
    }

    private static List<Option> OptionsFor(StrengthSlot slot, StrengthData data, UserMethodsPolicy policy, StrengthUser user, bool enforcePolicy)
    {
        var options = new List<Option>();
        for (var rank = 0; rank < data.MethodModes.Count; rank++)
        {
            var entry = data.MethodModes[rank];
            if (!entry.Suggest)
            {
                continue;
            }

            foreach (var grant in entry.Provides)
            {
                var fits = string.Equals(grant.Mode, slot.Mode, StringComparison.OrdinalIgnoreCase) && grant.Roles.Contains(slot.Role)
                    && (!grant.GuestsOnly || user.IsGuest)
                    && (!enforcePolicy || grant.EnabledBy(policy));
                if (fits && Feasible(slot, entry, policy, enforcePolicy, out var restriction))
                {
                    options.Add(new Option(rank, entry, grant, restriction));
                    break;
                }
            }
        }

        return options;
    }

    /// <summary>Whether a new method of this row can meet the slot's combination configurations (and the FIDO2 key restrictions), and what it must then be.</summary>
    private static bool Feasible(StrengthSlot slot, MethodModeEntry entry, UserMethodsPolicy policy, bool enforcePolicy, out string? restriction)
    {
        restriction = null;
        if (slot.Mode == "fido2")
        {
            var strengthList = slot.Configurations.Where(c => c.IsFido2).Select(c => (IEnumerable<string>)c.AllowedAaguids)
                .Aggregate((IEnumerable<string>?)null, (acc, list) => acc is null ? list : acc.Intersect(list, StringComparer.OrdinalIgnoreCase))?.ToList();
            var candidates = entry.Aaguids.Count > 0 ? entry.Aaguids.ToList() : strengthList;
            if (candidates is not null)
            {
                var usable = candidates
                    .Where(a => strengthList is null || strengthList.Contains(a, StringComparer.OrdinalIgnoreCase))
                    .Where(a => !enforcePolicy || policy.AllowsAaguid(a))
                    .ToList();
                if (usable.Count == 0)
                {
                    return false;
                }

                restriction = strengthList is null ? null : "a model whose AAGUID is one of " + string.Join(", ", usable);
            }
            else if (enforcePolicy && policy.IsKnown && policy.Fido2KeyRestrictions is { IsEnforced: true } keys)
            {
                if (keys.IsAllowList && keys.Aaguids.Count == 0)
                {
                    return false;
                }

                restriction = (keys.IsAllowList ? "a model the FIDO2 key restrictions allow: " : "not a model the FIDO2 key restrictions block: ") + string.Join(", ", keys.Aaguids);
            }

            return true;
        }

        var certificate = slot.Configurations.FirstOrDefault(c => c.IsCertificate);
        if (certificate is not null)
        {
            restriction = "issued by a CA with subject key identifier " + string.Join(" or ", certificate.AllowedIssuerSkis.DefaultIfEmpty("(any)"))
                + ", or with policy OID " + string.Join(" or ", certificate.AllowedPolicyOids.DefaultIfEmpty("(any)"));
        }

        return true;
    }

    private static IEnumerable<List<Option>> Product(List<List<Option>> options)
    {
        IEnumerable<List<Option>> result = new[] { new List<Option>() };
        foreach (var slotOptions in options)
        {
            var current = slotOptions;
            result = result.SelectMany(prefix => current.Select(o => new List<Option>(prefix) { o })).ToList();
        }

        return result;
    }

    private sealed class Option
    {
        public Option(int rank, MethodModeEntry entry, ModeGrant grant, string? restriction)
        {
            Rank = rank;
            Entry = entry;
            Grant = grant;
            Restriction = restriction;
        }

        public int Rank { get; }

        public MethodModeEntry Entry { get; }

        public ModeGrant Grant { get; }

        public string? Restriction { get; }
    }
}
