//! [`EnsureProject`]: the origin check of a project's own governance, and
//! [`ensure_steward_or_governance`]: the check of calls a steward or the governance may make.

use crate::types::{Actor, ProjectId, ProjectOrigin};
use polkadot_sdk::{
	frame_support::traits::{EnsureOriginWithArg, OriginTrait},
	frame_system::{ensure_signed, RawOrigin},
	sp_runtime::DispatchError,
};

/// Accepts the project's governance origin (`Governance`), or a signed account for which
/// `is_steward` holds; any other signed account fails with `not_steward`, any other origin with
/// `BadOrigin`.
///
/// Every pallet whose calls a steward or the project's governance may make (projects, tasks,
/// contributions) checks its origin with this, passing its own `NotSteward` error.
pub fn ensure_steward_or_governance<O, AccountId, Governance>(
	origin: O,
	project: ProjectId,
	is_steward: impl FnOnce(&AccountId) -> bool,
	not_steward: impl Into<DispatchError>,
) -> Result<Actor<AccountId>, DispatchError>
where
	Governance: EnsureOriginWithArg<O, ProjectId>,
	O: Into<Result<RawOrigin<AccountId>, O>>,
{
	match Governance::try_origin(origin, &project) {
		Ok(_) => Ok(Actor::Governance),
		Err(origin) => {
			let who = ensure_signed(origin)?;
			if is_steward(&who) {
				Ok(Actor::Steward(who))
			} else {
				Err(not_steward.into())
			}
		},
	}
}

/// Accepts [`ProjectOrigin::Project`] of the project given as argument, and nothing else.
///
/// The quadratic-voting pallet dispatches a passed poll's proposal with that origin; the runtime
/// combines this check with Root to form [`Config::GovernanceOrigin`](crate::Config).
pub struct EnsureProject;

impl<O> EnsureOriginWithArg<O, ProjectId> for EnsureProject
where
	O: OriginTrait + From<ProjectOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a ProjectOrigin>,
{
	type Success = ();

	fn try_origin(o: O, project: &ProjectId) -> Result<(), O> {
		let decided =
			matches!(o.caller().try_into(), Ok(ProjectOrigin::Project(id)) if id == project);
		if decided {
			Ok(())
		} else {
			Err(o)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(project: &ProjectId) -> Result<O, ()> {
		Ok(O::from(ProjectOrigin::Project(*project)))
	}
}
