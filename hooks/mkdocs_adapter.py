"""MkDocs hooks: the thin adapter between MkDocs and the `adgdm` package.

It loads the catalogue, turns invalid data into one PluginError, registers the generated
pages and files as virtual files, points "edit this page" at their YAML sources, and fills
`<!-- adgdm:... -->` markers in hand-written pages. Everything else lives in `adgdm`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adgdm import PAPERS_DIR, InvalidData, SiteOptions, build_warnings, fill_markers, load_catalogue, make_context, render_site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("adgdm")
_state: dict[str, Any] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_pre_build(config: MkDocsConfig) -> None:
    # Runs before MkDocs empties the site folder: bad data stops the build with the last
    # good site still in place, and nothing of the new one written.
    try:
        catalogue = load_catalogue(_root(config))
    except InvalidData as error:
        raise PluginError(f"the paper catalogue has problems:\n{error.report()}") from None
    repo = (config.extra.get("adgdm") or {}).get("repo", "")
    options = SiteOptions(repo_url=repo, site_url=config.site_url or "")
    context = make_context(catalogue, options)
    for message in build_warnings(context):
        log.warning(message)
    _state["context"] = context
    _state["site"] = render_site(context)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state.pop("site")  # from here on the files hold the texts; nothing else keeps a copy
    docs_folder = Path(config.docs_dir).name
    for file in files:
        if not file.generated_by:
            file.edit_uri = f"{docs_folder}/{file.src_uri}"
    for path, markdown in site.pages.items():
        page_file = File.generated(config, path, content=markdown)
        page_file.edit_uri = site.sources.get(path)
        files.append(page_file)
    for path, text in site.files.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by:
        return markdown
    filled, unknown = fill_markers(_state["context"], page.file.src_uri, markdown)
    for name in unknown:
        log.warning(f"{page.file.src_uri}: unknown marker <!-- adgdm:{name} -->")
    return filled


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Once a generated page is HTML, neither its Markdown nor its file's copy of it is read again:
    # letting both go keeps a build of 10,000 papers about 400 MB smaller (MkDocs holds every page at once).
    if page.file.generated_by:
        page.file.content_string = ""
        page.markdown = ""
    return html


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_root(config) / PAPERS_DIR))
    return server
