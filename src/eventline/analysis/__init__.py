"""From event mentions to understanding: merged events, dyad timelines, stance shifts, numeric claims and the
standard export layouts. Reads the store; knows nothing of parsing."""
