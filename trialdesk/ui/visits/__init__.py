"""The injection-visit screens (issue 5): timeline, today list, SAE clocks, dose visit, AEs, lab trends."""
