<?php
/**
 * Assertions and request helpers shared by the test files.
 */

const TEST_KEY     = 'sk_live_SECRET_9f8e7d6c5b4a3210WXYZ';
const TEST_KEYS    = array( TEST_KEY, 'sk_config_0123456789abcdefWXYZ' );
const AGENT        = '0b7c2c1e-8f4a-4d2b-9a61-3e5f7a9c1d20';
const OTHER_AGENT  = '9f1d2c3b-4a5e-4f60-8b7c-1d2e3f4a5b6c';
const SITE_ORIGIN  = 'https://example.test';

function fail( string $message ): void {
	throw new RuntimeException( $message );
}
function assert_same( $expected, $actual, string $what = '' ): void {
	if ( $expected !== $actual ) {
		fail( ( $what ? "{$what}: " : '' ) . 'expected ' . var_export( $expected, true ) . ', got ' . var_export( $actual, true ) );
	}
}
function assert_true( bool $condition, string $what ): void {
	if ( ! $condition ) {
		fail( $what );
	}
}
function assert_contains( string $needle, string $haystack, string $what = '' ): void {
	assert_true( false !== strpos( $haystack, $needle ), ( $what ? "{$what}: " : '' ) . "expected to find {$needle} in {$haystack}" );
}
function assert_not_contains( string $needle, string $haystack, string $what = '' ): void {
	assert_true( false === strpos( $haystack, $needle ), ( $what ? "{$what}: " : '' ) . "did not expect {$needle} in {$haystack}" );
}

/** A site with a key, a default agent and one more allowed agent. */
function configure_site( array $settings = array() ): void {
	update_option( 'iwy_agent_api_key', TEST_KEY );
	update_option(
		'iwy_agent_settings',
		$settings + array(
			'base_url'       => 'https://api.iwy.ai/v1',
			'default_agent'  => AGENT,
			'allowed_agents' => array( OTHER_AGENT ),
			'rate_limit'     => 10,
		)
	);
}

/** iwy's answer as WordPress's HTTP API returns it. */
function upstream( int $status, $body, array $headers = array() ): void {
	WP::$http = static function () use ( $status, $body, $headers ): array {
		return array(
			'response' => array( 'code' => $status, 'message' => '' ),
			'headers'  => $headers,
			'body'     => is_string( $body ) ? $body : json_encode( $body ),
		);
	};
}

/**
 * Dispatches a POST to the registered session route the way WordPress does: permission
 * callback first, then the callback. Fails if the handler prints anything.
 *
 * @param array|string $body JSON-encoded when an array.
 */
function post_session( $body, array $headers = array( 'Origin' => SITE_ORIGIN ), string $type = 'application/json' ): WP_REST_Response {
	$route = WP::$routes['iwy-agent/v1/session'] ?? fail( 'session route not registered' );
	$request = new WP_REST_Request( 'POST', '/iwy-agent/v1/session' );
	$request->set_body( is_string( $body ) ? $body : json_encode( $body ) );
	$request->set_header( 'Content-Type', $type );
	foreach ( $headers as $name => $value ) {
		$request->set_header( $name, $value );
	}
	assert_true( true === ( $route['permission_callback'] )( $request ), 'the route is public' );
	ob_start();
	$response = ( $route['callback'] )( $request );
	assert_same( '', ob_get_clean(), 'handler output' );
	return $response;
}

/** Everything a visitor could see of a response. */
function visible( WP_REST_Response $response ): string {
	return json_encode( array( $response->get_status(), $response->get_headers(), $response->get_data() ) );
}

/** Status, { error, message } shape, code, no-store, and no key anywhere. */
function assert_error( WP_REST_Response $response, int $status, string $code ): void {
	assert_same( $status, $response->get_status(), 'status' );
	assert_same( array( 'error', 'message' ), array_keys( $response->get_data() ), 'error body keys' );
	assert_same( $code, $response->get_data()['error'], 'error code' );
	assert_true( is_string( $response->get_data()['message'] ) && '' !== $response->get_data()['message'], 'a message' );
	assert_same( 'no-store', $response->get_headers()['Cache-Control'] ?? null, 'Cache-Control' );
	assert_no_key( visible( $response ) );
}

function assert_no_key( string $text ): void {
	foreach ( TEST_KEYS as $key ) {
		assert_not_contains( $key, $text, 'secret key leaked' );
		assert_not_contains( substr( $key, 0, 12 ), $text, 'secret key prefix leaked' );
	}
}

/** What the plugin wrote to the PHP error log so far (run.php points it at a temporary file). */
function logged(): string {
	return (string) file_get_contents( ini_get( 'error_log' ) );
}
