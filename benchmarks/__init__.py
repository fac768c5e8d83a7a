"""Benchmarks of the site build and the explorer, and the synthetic catalogue they run on."""
