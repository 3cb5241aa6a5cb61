"""MkDocs plugins of the Arbo Wegwijzer, one folder per plugin (as mkdocs-material does)."""

from mkdocs.exceptions import PluginError


def catalogus_plugin(config, name: str):
    """The `wegwijzer/catalogus` plugin whose loaded catalogus plugin `name` builds on.

    It must come earlier in mkdocs.yml: its `on_files` adds the pages the others link to.
    """
    plugin = config.plugins.get("wegwijzer/catalogus")
    if plugin is None:
        raise PluginError(f"de plugin {name} heeft wegwijzer/catalogus nodig; zet die eerder in mkdocs.yml")
    return plugin
