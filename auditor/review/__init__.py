"""The review conversation: each finding shown, the holder's answer kept."""
