namespace EntraStrongAuth.SignInGenerator.Catalog;

/// <summary>
/// People's names. A mix of spellings on purpose: an apostrophe (O'Neil), accents and a hyphen, since UPNs and
/// display names with them break naive CSV, OData filters and JSON escaping.
/// </summary>
internal static class NameBook
{
    public static readonly IReadOnlyList<string> Given = new[]
    {
        "Adele", "Ben", "Chloe", "Dev", "Liam", "Fatima", "Gareth", "Hannah", "Isaac", "Jodie", "Kwame", "Lena", "Mohammed",
        "Niamh", "Oliver", "Priya", "Quentin", "Rosa", "Samir", "Tessa", "Umar", "Vera", "William", "Xin", "Yusuf", "Zoë",
        "Amelia", "Bogdan", "Ciara", "Dmitri", "Eleanor", "Femi", "Grace", "Harvey", "Ines", "Jamal", "Kirsty", "Luca",
        "Maja", "Noah", "Orla", "Pedro", "Ruth", "Sean", "Tomasz", "Ursula", "Victor", "Wen", "Yasmin", "Zach",
        "Alfie", "Bethany", "Callum", "Daisy", "Ethan", "Freya", "George", "Holly", "Iris", "Jack",
    };

    public static readonly IReadOnlyList<string> Family = new[]
    {
        "Vance", "Okafor", "Brennan", "Patel", "O'Neil", "Haddad", "Price", "Novak", "Goldberg", "Marsh", "Mensah", "Fischer",
        "Rahman", "Gallagher", "Hughes", "Sharma", "Dubois", "García", "Aziz", "Lloyd", "Farooq", "Ivanova", "Turner", "Zhang",
        "Demir", "Lindqvist", "Clarke", "Kowalski", "Byrne", "Petrov", "Shaw", "Adeyemi", "Holt", "Whitaker", "Santos",
        "Jackson-Reid", "Mackay", "Rossi", "Berg", "Evans", "Kelly", "Moreno", "Cohen", "Murphy", "Wiśniewski", "Wagner",
        "Hussain", "Li", "Begum", "Walsh", "Knight", "Bell", "Doyle", "Ellis", "Fraser", "Grant", "Hart", "Irving", "James", "Khan",
    };
}
