"""Pantau: media monitoring of Pilkada coverage for the KPU."""

__version__ = "0.1.0"
