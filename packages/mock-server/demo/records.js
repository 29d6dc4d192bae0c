// Signs the widget in as the mock server's development officer (a real intranet page returns its
// own sign-in's access token). Runs before the widget is defined, so no look-up goes out without it.
document.querySelector('blauw-provider').getToken = () => 'dev-officer';
