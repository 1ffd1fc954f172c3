//! [`EnsureProject`]: the origin check of a project's own governance.

use commons_primitives::{ProjectId, ProjectOrigin};
use polkadot_sdk::frame_support::traits::{EnsureOriginWithArg, OriginTrait};

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
