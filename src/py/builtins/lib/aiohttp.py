# aiohttp's client, as programs use it (ClientSession, get/post, async with the
# response, text/json, status), on the virtual clock. Every request takes 0.1 s unless
# its URL says otherwise: a path /delay/N takes N seconds (as httpbin.org's does), a
# query parameter latency=S takes S seconds. A path /status/N answers with status N.
# The files of Looplab's static/api/ answer with their contents (a live run fetches
# them for real, no sooner than the latency); any other URL with a small HTML page
# naming it.

import asyncio
import json as _json

DEFAULT_LATENCY = 0.1


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info=None, history=(), *, status=None, message='', headers=None):
        super().__init__(f"{status}, message={message!r}, url={request_info!r}")
        self.request_info = request_info
        self.status = status
        self.message = message


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class ClientResponse:
    def __init__(self, method, url, status, body):
        self.method = method
        self.url = url
        self.status = status
        self.reason = _REASONS.get(status, '')
        self.ok = status < 400
        self.headers = {'Content-Type': 'application/json' if url.endswith('.json') else 'text/html'}
        self._body = body

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    async def text(self, encoding=None):
        return self._body

    async def read(self):
        return self._body

    async def json(self, content_type=None):
        return _json.loads(self._body)

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.url, status=self.status, message=self.reason)

    def release(self):
        pass

    def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        self.release()


_REASONS = {200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request',
            401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
            429: 'Too Many Requests', 500: 'Internal Server Error',
            503: 'Service Unavailable'}


class _RequestContextManager:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *exc_info):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, timeout=None, headers=None, **kwargs):
        self._base_url = base_url
        self._timeout = timeout
        self.headers = headers or {}
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        await self.close()

    async def close(self):
        self.closed = True

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    async def _request(self, method, url, *, timeout=None, **kwargs):
        if self.closed:
            raise RuntimeError('Session is closed')
        if self._base_url is not None:
            url = self._base_url.rstrip('/') + '/' + url.lstrip('/')
        timeout = timeout if timeout is not None else self._timeout
        total = timeout.total if isinstance(timeout, ClientTimeout) else timeout
        status, body, latency = _native_http(url)
        loop = asyncio.get_running_loop()
        fut = _label(loop.create_future(), f"{method} {url}")
        if not _native_fetch(fut, url, latency):
            loop.call_later(latency, _answer, fut)
        if total is not None:
            async with asyncio.timeout(total):
                await fut
        else:
            await fut
        fetched = fut.result()
        if fetched is not None:
            # A live run fetched the file for real: its body, or why it failed.
            ok, text = fetched
            if not ok:
                raise ClientConnectionError(text)
            body = text
        return ClientResponse(method, url, status, body)


def _answer(fut):
    if not fut.done():
        fut.set_result(None)


async def request(method, url, **kwargs):
    async with ClientSession() as session:
        return await session._request(method, url, **kwargs)
