// Signs the widget in (a real intranet page returns its own sign-in's access token): as the mock
// server's development officer, or as its supervisor on the publisher's page. Runs before the
// widget is defined, so no request goes out without the token.
const provider = document.querySelector('blauw-provider');
const publisher = document.querySelector('blauw-briefings[view="publisher"]') !== null;
provider.getToken = () => (publisher ? 'dev-supervisor' : 'dev-officer');
