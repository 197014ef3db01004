"""Peninsula: a publishing platform for think tanks and policy institutes."""

__version__ = "0.1.0"
