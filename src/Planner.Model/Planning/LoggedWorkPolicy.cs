namespace Planner.Model.Planning;

/// <summary>What a deletion does with logged work it would delete.</summary>
public enum LoggedWorkPolicy
{
    /// <summary>Refuse the deletion while anything logged is there (<see cref="LoggedWorkException"/>); nothing is written.</summary>
    Refuse,

    /// <summary>Delete the logged work too: the caller has said so in so many words.</summary>
    Delete,
}
