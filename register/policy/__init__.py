"""Policy presets: each council's unreasonable customer behaviour policy as checked data."""

from register.policy.loading import available_presets, copy_preset, load_preset
from register.policy.model import (
    Appeal,
    AppealClock,
    Deadline,
    DeadlineUnit,
    Preset,
    RepeatCorrespondence,
    RetentionAction,
    Scope,
    SkipGround,
    Step,
    WhenReviewMissed,
)

__all__ = [
    "Appeal",
    "AppealClock",
    "Deadline",
    "DeadlineUnit",
    "Preset",
    "RepeatCorrespondence",
    "RetentionAction",
    "Scope",
    "SkipGround",
    "Step",
    "WhenReviewMissed",
    "available_presets",
    "copy_preset",
    "load_preset",
]
