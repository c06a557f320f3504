"""nkwatch: events and attributed claims about North Korea's military activity, from news text."""
__version__ = "0.1.0"
