//! The check of calls that a steward or the project's governance may make, in every pallet.

use crate::{traits::ProjectsInterface, Actor, ProjectId};
use polkadot_sdk::{
	frame_support::traits::EnsureOriginWithArg,
	frame_system::{ensure_signed, RawOrigin},
	sp_runtime::DispatchError,
};

/// Accepts the project's governance origin `Governance` (for a project that exists), or a signed
/// steward of the project; returns who acted.
///
/// Fails with the projects pallet's `ProjectNotFound` or `NotSteward` (through `Projects`), or
/// `BadOrigin` for an origin that is neither signed nor the project's governance. Projects,
/// tasks and contributions check the origin of such calls with this one function, so the same
/// act is refused with the same error everywhere.
pub fn ensure_steward_or_governance<Projects, Governance, O, AccountId>(
	origin: O,
	project: ProjectId,
) -> Result<Actor<AccountId>, DispatchError>
where
	Projects: ProjectsInterface<AccountId>,
	Governance: EnsureOriginWithArg<O, ProjectId>,
	O: Into<Result<RawOrigin<AccountId>, O>>,
{
	match Governance::try_origin(origin, &project) {
		Ok(_) => {
			Projects::status(project)?;
			Ok(Actor::Governance)
		},
		Err(origin) => {
			let who = ensure_signed(origin)?;
			Projects::ensure_steward(project, &who)?;
			Ok(Actor::Steward(who))
		},
	}
}
