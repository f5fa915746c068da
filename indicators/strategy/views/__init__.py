"""Pages of the strategy side, split by subject. Thin: forms gather, services write, selectors read."""
