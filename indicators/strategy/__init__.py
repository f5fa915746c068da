"""The strategy side of the plan: vision, strands, SMART objectives, results chains, LogFrame,
sub-groups, risks and development goals. Services write, selectors read, views stay thin."""
