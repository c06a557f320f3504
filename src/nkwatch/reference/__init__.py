"""Reference databases built by analysts (the CNS North Korea Missile Test Database and its
derivatives), read into ``ReferenceLaunch`` rows for reconciliation and checking."""
from .cns import load_reference
from .grouping import launch_days, launch_events
from .models import ReferenceLaunch

__all__ = ["ReferenceLaunch", "launch_days", "launch_events", "load_reference"]
