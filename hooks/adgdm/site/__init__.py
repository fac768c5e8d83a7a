"""The generated site: the context every producer receives, the producers (pages/), the container they fill, the composition."""
