using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class SignInOnceTests
{
    [Fact]
    public void LetsAnIdThroughOnceWhateverItsCasingOrBraces()
    {
        var once = new SignInOnce();
        Assert.True(once.IsFirst(new SignInEvent { Id = "7406efbc-41c5-4307-adfd-cb3fb3813b61" }));
        Assert.False(once.IsFirst(new SignInEvent { Id = "7406EFBC-41C5-4307-ADFD-CB3FB3813B61" }));
        Assert.False(once.IsFirst(new SignInEvent { Id = "{7406efbc-41c5-4307-adfd-cb3fb3813b61}" }));
        Assert.True(once.IsFirst(new SignInEvent { Id = "7406efbc-41c5-4307-adfd-cb3fb3813b62" }));
        Assert.Equal(2, once.Duplicates);
        Assert.Equal(0, once.WithoutId);
    }

    [Fact]
    public void KeysAnIdThatIsNotAGuidByItsText()
    {
        var once = new SignInOnce();
        Assert.True(once.IsFirst(new SignInEvent { Id = "req-0001" }));
        Assert.True(once.IsFirst(new SignInEvent { Id = "req-1000" }));
        Assert.False(once.IsFirst(new SignInEvent { Id = "req-0001" }));
        Assert.Equal(1, once.Duplicates);
    }

    [Fact]
    public void KeepsAndCountsEverySignInWithoutAnId()
    {
        var once = new SignInOnce();
        Assert.True(once.IsFirst(new SignInEvent()));
        Assert.True(once.IsFirst(new SignInEvent { Id = " " }));
        Assert.Equal(2, once.WithoutId);
        Assert.Equal(0, once.Duplicates);
        Assert.Equal("0 duplicate sign-ins skipped (an id already read: overlapping files, formats or input). 2 sign-ins had no id: all kept, as they cannot be de-duplicated.", once.Report());
    }

    [Fact]
    public void SaysNothingWhenEverySignInWasNew()
    {
        var once = new SignInOnce();
        once.IsFirst(new SignInEvent { Id = "a" });
        Assert.Null(once.Report());
    }
}
