"""GitHub's REST API: for each code repository, whether it is archived, moved (a 301 to /repositories/{id}) or missing, and its stars."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ...data.vocabulary.code_stats import REPO_LINK
from .http_client import Client, ServiceError, decode_json

SERVICE = "GitHub"


@dataclass(frozen=True)
class RepoRecord:
    """A repository's state: its name now (owner/name), and whether it is archived or gone."""

    asked: str
    full_name: str = ""
    stars: int | None = None
    archived: bool = False
    missing: bool = False

    @property
    def moved(self) -> bool:
        return bool(self.full_name) and self.full_name.lower() != self.asked.lower()

    @property
    def url(self) -> str:
        return f"https://github.com/{self.full_name or self.asked}"


def moved_link(url: str, full_name: str) -> str:
    """`url` pointing at `full_name` instead, keeping any path after the repository (and dropping .git)."""
    match = REPO_LINK.match(url)
    rest = (match.group(3) or "") if match else ""
    return f"https://github.com/{full_name}{rest}"


def fetch_repository(client: Client, base: str, repo: str, token: str = "") -> RepoRecord:
    """The state of `repo` ('owner/name'); a 301 is followed once, on GitHub's own host only."""
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    answer = client.get(SERVICE, f"{base}/repos/{repo}", headers)
    if answer.status in (404, 410):
        return RepoRecord(repo, missing=True)
    if answer.status == 301:
        target = urljoin(answer.url, answer.location)
        if urlsplit(target).netloc != urlsplit(base).netloc or not urlsplit(target).path.startswith(urlsplit(base).path):
            raise ServiceError(f"{SERVICE} redirected {repo} to an unexpected address ({target})")
        answer = client.get(SERVICE, target, headers)
        if answer.status in (404, 410):
            return RepoRecord(repo, missing=True)
    if answer.status != 200:
        raise ServiceError(f"HTTP {answer.status} ({answer.url})")
    data = decode_json(answer, SERVICE)
    if not isinstance(data, dict) or not isinstance(data.get("full_name"), str):
        raise ServiceError(f"{SERVICE} answered JSON without a full_name ({answer.url})")
    stars = data.get("stargazers_count")
    return RepoRecord(repo, data["full_name"], stars if isinstance(stars, int) else None, data.get("archived") is True)
