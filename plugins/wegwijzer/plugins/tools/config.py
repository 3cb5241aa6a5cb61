from mkdocs.config.base import Config


class ToolsConfig(Config):
    """Options of the `wegwijzer/tools` plugin in mkdocs.yml (none yet)."""
