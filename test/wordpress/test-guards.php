<?php
/**
 * The session route's guards: same origin, per-IP rate limit, WordPress's own JSON check.
 */

test(
	'only same-origin requests are served',
	static function (): void {
		configure_site();
		upstream( 200, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer' ) );
		$refused = array( array(), array( 'Origin' => 'https://evil.test' ), array( 'Origin' => 'https://example.test.evil.test' ), array( 'Origin' => 'http://example.test' ), array( 'Origin' => 'https://example.test:8443' ), array( 'Origin' => 'null' ) );
		foreach ( $refused as $headers ) {
			assert_error( post_session( array( 'agentId' => AGENT ), $headers ), 403, 'origin-not-allowed' );
		}
		assert_same( array(), WP::$http_calls, 'no upstream call' );

		assert_same( 200, post_session( array( 'agentId' => AGENT ), array( 'Origin' => 'HTTPS://Example.TEST:443' ) )->get_status(), 'default port and case' );
		WP::$home = 'https://example.test/blog';
		assert_same( 200, post_session( array( 'agentId' => AGENT ) )->get_status(), 'WordPress in a sub-path' );
		add_filter(
			'iwy_agent_allowed_origins',
			static function ( array $origins ): array {
				return array_merge( $origins, array( 'https://shop.example.test' ) );
			}
		);
		assert_same( 200, post_session( array( 'agentId' => AGENT ), array( 'Origin' => 'https://shop.example.test' ) )->get_status(), 'filtered origin' );
	}
);

test(
	'per-IP rate limit: the request over the limit gets 429 and never reaches iwy',
	static function (): void {
		configure_site( array( 'rate_limit' => 3 ) );
		upstream( 200, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer' ) );
		for ( $i = 0; $i < 3; $i++ ) {
			assert_same( 200, post_session( array( 'agentId' => AGENT ) )->get_status(), "request {$i}" );
		}
		$limited = post_session( array( 'agentId' => AGENT ) );
		assert_error( $limited, 429, 'session-rate-limited' );
		$wait = (int) $limited->get_headers()['Retry-After'];
		assert_true( $wait >= 1 && $wait <= 60, "Retry-After {$wait} within the window" );
		assert_same( 3, count( WP::$http_calls ) );

		$keys = array_keys( WP::$transients );
		assert_same( 1, count( $keys ) );
		assert_not_contains( '203.0.113.7', $keys[0] . json_encode( WP::$transients ), 'the IP is stored hashed' );
		assert_true( WP::$transients[ $keys[0] ]['expiration'] <= 60, 'the transient expires with the window' );

		$_SERVER['REMOTE_ADDR'] = '198.51.100.9';
		assert_same( 200, post_session( array( 'agentId' => AGENT ) )->get_status(), 'another visitor' );

		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
		WP::$transients[ $keys[0] ]['value']['reset'] = time() - 1;
		assert_same( 200, post_session( array( 'agentId' => AGENT ) )->get_status(), 'a new window' );
	}
);

test(
	'a malformed JSON body that WordPress rejects first is refused in the contract\'s shape',
	static function (): void {
		$invalid = new WP_Error( 'rest_invalid_json', 'Invalid JSON body passed.' );
		$ours    = new WP_REST_Request( 'POST', '/iwy-agent/v1/session' );
		assert_same( null, apply_filters( 'rest_request_before_callbacks', $invalid, array(), $ours ), 'handle() decides' );
		$other = new WP_REST_Request( 'POST', '/wp/v2/posts' );
		assert_same( $invalid, apply_filters( 'rest_request_before_callbacks', $invalid, array(), $other ), 'other routes untouched' );
		$forbidden = new WP_Error( 'rest_forbidden', 'No.' );
		assert_same( $forbidden, apply_filters( 'rest_request_before_callbacks', $forbidden, array(), $ours ), 'other errors untouched' );

		configure_site();
		assert_error( post_session( '{"agentId":' ), 400, 'invalid-request' );
		upstream( 200, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer' ) );
		assert_same( 200, post_session( array( 'agentId' => AGENT ), array( 'Origin' => SITE_ORIGIN ), 'Application/JSON; charset=utf-8' )->get_status(), 'media type parameters' );
	}
);
