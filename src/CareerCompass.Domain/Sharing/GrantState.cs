namespace CareerCompass.Domain.Sharing;

/// <summary>Where a counsellor's access stands at a given moment.</summary>
public enum GrantState
{
    /// <summary>The invitation is waiting for the counsellor to accept it.</summary>
    Invited,

    /// <summary>The counsellor accepted: they can see what the scope allows.</summary>
    Active,

    /// <summary>The invitation wasn't accepted within <see cref="CounsellorGrant.InvitationDays"/> days.</summary>
    Expired,

    /// <summary>The client withdrew the invitation or ended the access.</summary>
    Revoked,
}
