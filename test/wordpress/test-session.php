<?php
/**
 * POST /wp-json/iwy-agent/v1/session: the session contract, error mapping, origin, rate limit.
 */

use IwyAgent\Upstream;

test(
	'the route is registered as a public POST route',
	static function (): void {
		$route = WP::$routes['iwy-agent/v1/session'];
		assert_same( 'POST', $route['methods'] );
		assert_same( '__return_true', $route['permission_callback'] );
	}
);

test(
	'happy path (Daily): passes on only the session fields, uncached, with the key sent only upstream',
	static function (): void {
		configure_site();
		upstream(
			200,
			array(
				'roomUrl'    => 'https://iwy.daily.co/abc123',
				'dailyToken' => 'eyJ.token',
				'webLink'    => 'https://meet.iwy.ai/x',
				'sessionId'  => 'sess-1',
				'expiresAt'  => '2026-11-29T10:00:00.000Z',
				'apiKey'     => TEST_KEY,
			)
		);
		$response = post_session( array( 'agentId' => strtoupper( AGENT ) ) );

		assert_same( 200, $response->get_status() );
		assert_same(
			array(
				'roomUrl'    => 'https://iwy.daily.co/abc123',
				'dailyToken' => 'eyJ.token',
				'sessionId'  => 'sess-1',
				'expiresAt'  => '2026-11-29T10:00:00.000Z',
			),
			$response->get_data()
		);
		assert_same( 'no-store', $response->get_headers()['Cache-Control'] );
		assert_no_key( visible( $response ) );

		assert_same( 1, count( WP::$http_calls ) );
		$call = WP::$http_calls[0];
		assert_same( 'https://api.iwy.ai/v1/start-agent-session', $call['url'] );
		assert_same( 'Bearer ' . TEST_KEY, $call['args']['headers']['Authorization'] );
		assert_same( array( 'agentId' => AGENT ), json_decode( $call['args']['body'], true ), 'upstream body' );
		assert_same( 0, $call['args']['redirection'], 'no redirects: the key must not follow one' );
		assert_true( $call['args']['timeout'] > 0 && $call['args']['timeout'] <= 30, 'a bounded timeout' );
	}
);

test(
	'happy path (SmallWebRTC, simulator base URL): context is forwarded, webrtcUrl passed on',
	static function (): void {
		configure_site( array( 'base_url' => 'http://127.0.0.1:8787/v1' ) );
		upstream( 201, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer/1' ) );
		$context  = array(
			'page' => '/pricing',
			'user' => array( 'plan' => 'pro' ),
		);
		$response = post_session( array( 'agentId' => 'demo', 'context' => $context ) );

		// "demo" is no UUID but is allowed when listed.
		assert_same( 403, $response->get_status(), 'demo is refused unless allowed' );
		configure_site( array( 'base_url' => 'http://127.0.0.1:8787/v1', 'allowed_agents' => array( 'demo' ) ) );
		$response = post_session( array( 'agentId' => 'demo', 'context' => $context ) );
		assert_same( 200, $response->get_status() );
		assert_same( array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer/1' ), $response->get_data() );
		assert_same( 'http://127.0.0.1:8787/v1/start-agent-session', WP::$http_calls[0]['url'] );
		assert_same( array( 'agentId' => 'demo', 'context' => $context ), json_decode( WP::$http_calls[0]['args']['body'], true ) );
	}
);

test(
	'upstream failures map onto the contract, never echoing what iwy said',
	static function (): void {
		$echo  = array(
			'error'   => 'bad',
			'message' => 'key ' . TEST_KEY . ' rejected',
		);
		$cases = array(
			// upstream status => [our status, our code]
			array( 401, 502, 'upstream-unauthorized' ),
			array( 403, 403, 'session-unauthorized' ),
			array( 404, 404, 'agent-not-found' ),
			array( 410, 404, 'agent-not-found' ),
			array( 400, 400, 'session-request-failed' ),
			array( 422, 400, 'session-request-failed' ),
			array( 500, 502, 'session-request-failed' ),
			array( 503, 502, 'session-request-failed' ),
		);
		foreach ( $cases as list( $upstream_status, $status, $code ) ) {
			WP::reset();
			configure_site();
			upstream( $upstream_status, $echo );
			assert_error( post_session( array( 'agentId' => AGENT ) ), $status, $code );
		}
	}
);

test(
	'upstream 429 becomes session-rate-limited with a bounded Retry-After',
	static function (): void {
		foreach ( array( '17' => '17', '' => '60', '999999' => '3600', 'soon' => '60' ) as $sent => $expected ) {
			WP::reset();
			configure_site();
			upstream( 429, '', '' === (string) $sent ? array() : array( 'retry-after' => (string) $sent ) );
			$response = post_session( array( 'agentId' => AGENT ) );
			assert_error( $response, 429, 'session-rate-limited' );
			assert_same( $expected, $response->get_headers()['Retry-After'], "Retry-After for '{$sent}'" );
		}
		$in_a_minute = gmdate( 'D, d M Y H:i:s \G\M\T', time() + 90 );
		assert_true( abs( Upstream::retry_after( $in_a_minute ) - 90 ) <= 2, 'an HTTP-date Retry-After' );
	}
);

test(
	'an unreachable iwy or an answer without a session is session-request-failed (502)',
	static function (): void {
		$answers = array(
			static function () {
				return new WP_Error( 'http_request_failed', 'cURL error 28: timed out after 10000 ms' );
			},
			'not json',
			array( 'roomUrl' => 'https://iwy.daily.co/abc' ),
			array( 'webrtcUrl' => array( 'nested' ) ),
			array(),
		);
		foreach ( $answers as $answer ) {
			WP::reset();
			configure_site();
			if ( is_callable( $answer ) ) {
				WP::$http = $answer;
			} else {
				upstream( 200, $answer );
			}
			$response = post_session( array( 'agentId' => AGENT ) );
			assert_error( $response, 502, 'session-request-failed' );
			assert_not_contains( 'cURL', visible( $response ) );
		}
	}
);

test(
	'invalid requests are refused before any upstream call',
	static function (): void {
		configure_site( array( 'rate_limit' => 100 ) );
		$bodies = array(
			'{}',
			'not json',
			'[]',
			json_encode( array( 'agentId' => '' ) ),
			json_encode( array( 'agentId' => 'not-a-uuid' ) ),
			json_encode( array( 'agentId' => AGENT . 'x' ) ),
			json_encode( array( 'agentId' => ' ' . AGENT ) ),
			json_encode( array( 'agentId' => AGENT . "\n" ) ),
			json_encode( array( 'agentId' => '../agent/' . AGENT ) ),
			json_encode( array( 'agentId' => 42 ) ),
			json_encode( array( 'agentId' => array( AGENT ) ) ),
			json_encode( array( 'agentId' => AGENT, 'context' => 'text' ) ),
			json_encode( array( 'agentId' => AGENT, 'context' => array( 1, 2 ) ) ),
			json_encode( array( 'agentId' => AGENT, 'context' => json_decode( str_repeat( '[', 40 ) . str_repeat( ']', 40 ) ) ) ),
		);
		foreach ( $bodies as $body ) {
			assert_error( post_session( $body ), 400, 'session-request-failed' );
		}
		$huge = json_encode( array( 'agentId' => AGENT, 'context' => array( 'x' => str_repeat( 'a', 9000 ) ) ) );
		assert_error( post_session( $huge ), 413, 'session-request-failed' );
		assert_error( post_session( array( 'agentId' => '00000000-0000-4000-8000-000000000000' ) ), 403, 'session-unauthorized' );
		assert_same( array(), WP::$http_calls, 'no upstream call' );
	}
);

test(
	'only same-origin requests are served',
	static function (): void {
		configure_site();
		upstream( 200, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer' ) );
		$refused = array( array(), array( 'Origin' => 'https://evil.test' ), array( 'Origin' => 'https://example.test.evil.test' ), array( 'Origin' => 'http://example.test' ), array( 'Origin' => 'https://example.test:8443' ), array( 'Origin' => 'null' ) );
		foreach ( $refused as $headers ) {
			assert_error( post_session( array( 'agentId' => AGENT ), $headers ), 403, 'session-unauthorized' );
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
	'no key configured: upstream-unauthorized without calling iwy',
	static function (): void {
		configure_site();
		delete_option( 'iwy_agent_api_key' );
		assert_error( post_session( array( 'agentId' => AGENT ) ), 502, 'upstream-unauthorized' );
		assert_same( array(), WP::$http_calls );
	}
);

test(
	'the iwy_agent_session_body filter can add context or refuse',
	static function (): void {
		configure_site();
		upstream( 200, array( 'webrtcUrl' => 'http://127.0.0.1:8787/offer' ) );
		add_filter(
			'iwy_agent_session_body',
			static function ( array $body, WP_REST_Request $request ) {
				if ( 'yes' !== $request->get_header( 'X-Member' ) ) {
					return new WP_Error( 'members-only', 'Please sign in to talk to our agent.' );
				}
				return $body + array( 'context' => array( 'member' => true ) );
			},
			10,
			2
		);
		$refused = post_session( array( 'agentId' => AGENT ) );
		assert_error( $refused, 403, 'session-unauthorized' );
		assert_same( 'Please sign in to talk to our agent.', $refused->get_data()['message'] );
		assert_same( array(), WP::$http_calls );

		$response = post_session( array( 'agentId' => AGENT ), array( 'Origin' => SITE_ORIGIN, 'X-Member' => 'yes' ) );
		assert_same( 200, $response->get_status() );
		assert_same( array( 'member' => true ), json_decode( WP::$http_calls[0]['args']['body'], true )['context'] );
	}
);
