using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Application.Diagnosis;
using EntraStrongAuth.Engine.Application.Enrollment;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>A diagnosis run reads each user's methods once, however many of their failures it diagnoses.</summary>
public class ReadOnceEnrollmentDataTests
{
    [Fact]
    public async Task A_user_is_looked_up_once_and_each_caller_gets_its_own_target_back()
    {
        var fake = new FakeEnrollmentData(FakeEnrollmentData.User("id-1", "adele@contoso.com"));
        var data = new ReadOnceEnrollmentData(fake);
        var first = new EnrollmentTarget("id-1", "adele@contoso.com");
        var second = new EnrollmentTarget("id-1", "adele@contoso.com");
        var stranger = new EnrollmentTarget(null, "nobody@contoso.com");

        var one = await data.LookupAsync(new[] { first }, live: true, CancellationToken.None);
        var two = await data.LookupAsync(new[] { second, stranger }, live: true, CancellationToken.None);
        var three = await data.LookupAsync(new[] { stranger }, live: true, CancellationToken.None);

        Assert.Equal(2, fake.Batches.Count);
        Assert.Same(stranger, Assert.Single(fake.Batches[1]));
        Assert.Same(first, one[0].Target);
        Assert.Same(second, two[0].Target);
        Assert.Equal("id-1", two[0].Snapshot!.UserId);
        Assert.Null(two[1].Snapshot);
        Assert.Equal("UserNotFound", three[0].Error!.ErrorId);
    }

    [Fact]
    public async Task The_report_and_a_live_lookup_are_kept_apart()
    {
        var fake = new FakeEnrollmentData(FakeEnrollmentData.User("id-1", "adele@contoso.com"));
        var data = new ReadOnceEnrollmentData(fake);

        await data.LookupAsync(new[] { new EnrollmentTarget("id-1", null) }, live: false, CancellationToken.None);
        await data.LookupAsync(new[] { new EnrollmentTarget("id-1", null) }, live: true, CancellationToken.None);

        Assert.Equal(2, fake.Batches.Count);
    }
}
