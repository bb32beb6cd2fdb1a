<?php
/**
 * A minimal test runner for the WordPress plugin (no PHPUnit on these machines).
 *
 *   php test/wordpress/run.php
 *
 * Runs test-*.php against stubbed WordPress, then itself again as WordPress < 6.5 (no script
 * modules, key from wp-config.php) for legacy-*.php. Any PHP warning or notice fails the test that
 * raised it. Last line: "wordpress: N passed, M failed"; exit code 1 on any failure.
 */

error_reporting( E_ALL );
ini_set( 'display_errors', '1' );
// Whatever the plugin might log lands here, so the run can prove no key reaches a log.
$log_file = tempnam( sys_get_temp_dir(), 'iwy-wp-log' );
ini_set( 'log_errors', '1' );
ini_set( 'error_log', $log_file );
set_error_handler(
	static function ( int $severity, string $message, string $file, int $line ): bool {
		throw new ErrorException( $message, 0, $severity, $file, $line );
	}
);

$legacy = (bool) getenv( 'IWY_WP_LEGACY' );
if ( $legacy ) {
	define( 'IWY_AGENT_API_KEY', 'sk_config_0123456789abcdefWXYZ' );
}
require __DIR__ . '/stubs.php';
require __DIR__ . '/helpers.php';
require __DIR__ . '/../../integrations/wordpress/iwy-agent.php';
do_action( 'init' );
do_action( 'rest_api_init' );
do_action( 'admin_init' );
do_action( 'admin_menu' );
WP::boot();

$tests = array();
/** Registers a test; the files below call it. */
function test( string $name, callable $body ): void {
	$GLOBALS['tests'][] = array( $name, $body );
}
foreach ( glob( __DIR__ . ( $legacy ? '/legacy-*.php' : '/test-*.php' ) ) as $file ) {
	require $file;
}

$passed = 0;
$failed = 0;
foreach ( $tests as list( $name, $body ) ) {
	WP::reset();
	try {
		$body();
		++$passed;
		echo "ok - {$name}\n";
	} catch ( Throwable $e ) {
		++$failed;
		printf( "not ok - %s\n    %s: %s (%s:%d)\n", $name, get_class( $e ), $e->getMessage(), basename( $e->getFile() ), $e->getLine() );
	}
}

$logged = (string) file_get_contents( $log_file );
unlink( $log_file );
foreach ( TEST_KEYS as $key ) {
	if ( false !== strpos( $logged, $key ) ) {
		++$failed;
		echo "not ok - no key in the PHP error log\n";
	}
}

if ( ! $legacy ) {
	// The legacy half needs a fresh process: functions cannot be undefined, constants not unset.
	$cmd = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( __FILE__ );
	exec( 'IWY_WP_LEGACY=1 ' . $cmd . ' 2>&1', $lines, $code );
	foreach ( $lines as $line ) {
		if ( preg_match( '/^wordpress: (\d+) passed, (\d+) failed$/', $line, $m ) ) {
			$passed += (int) $m[1];
			$failed += (int) $m[2];
		} else {
			echo '[wp<6.5] ' . $line . "\n";
		}
	}
	if ( 0 !== $code && 0 === $failed ) {
		++$failed;
		echo "not ok - the legacy run exited with {$code}\n";
	}
}
echo "wordpress: {$passed} passed, {$failed} failed\n";
exit( $failed > 0 ? 1 : 0 );
