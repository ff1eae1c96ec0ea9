"""The seven-minute briefings, one per review type: planned once, drawn as Word and as HTML."""
