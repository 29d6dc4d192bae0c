// Signs the widgets in. A real intranet page returns its own sign-in's access token here; the mock
// server's development token stands in for it. The token is asked for on every request and
// never stored by the widgets. This runs before <blauw-provider> is defined: the element keeps the
// property and uses it from its first request.
const provider = document.querySelector('blauw-provider');
provider.getToken = () => 'dev-officer';
