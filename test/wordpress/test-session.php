<?php
/**
 * POST /wp-json/iwy-agent/v1/session: the session contract, input validation, error mapping.
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

		assert_error( $response, 404, 'agent-not-found' ); // "demo" is refused unless allowed.
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
			// upstream status => [our status, our code], as iwy-agent/server answers.
			array( 401, 502, 'upstream-unauthorized' ),
			array( 403, 502, 'upstream-unauthorized' ),
			array( 404, 404, 'agent-not-found' ),
			array( 410, 404, 'agent-not-found' ),
			array( 400, 502, 'upstream-error' ),
			array( 422, 502, 'upstream-error' ),
			array( 500, 502, 'upstream-error' ),
			array( 503, 502, 'upstream-error' ),
			array( 302, 502, 'upstream-error' ),
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
		foreach ( array( '17' => '17', '' => '10', '999999' => '3600', 'soon' => '10' ) as $sent => $expected ) {
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
	'an unreachable or slow iwy, or an answer without a usable session, is an upstream failure',
	static function (): void {
		$answers = array(
			array( 'upstream-timeout', new WP_Error( 'http_request_failed', 'cURL error 28: Operation timed out after 10001 milliseconds' ) ),
			array( 'upstream-error', new WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect to api.iwy.ai port 443: Connection refused' ) ),
			array( 'upstream-error', 'not json' ),
			array( 'upstream-error', array( 'roomUrl' => 'https://iwy.daily.co/abc' ) ),
			array( 'upstream-error', array( 'roomUrl' => 'javascript:alert(1)', 'dailyToken' => 't' ) ),
			array( 'upstream-error', array( 'webrtcUrl' => array( 'nested' ) ) ),
			array( 'upstream-error', array( 'webrtcUrl' => 'https://x.test/' . str_repeat( 'a', 8200 ) ) ),
			array( 'upstream-error', array() ),
		);
		foreach ( $answers as list( $code, $answer ) ) {
			WP::reset();
			configure_site();
			if ( $answer instanceof WP_Error ) {
				WP::$http = static function () use ( $answer ): WP_Error {
					return $answer;
				};
			} else {
				upstream( 200, $answer );
			}
			$response = post_session( array( 'agentId' => AGENT ) );
			assert_error( $response, 'upstream-timeout' === $code ? 504 : 502, $code );
			assert_not_contains( 'cURL', visible( $response ) );
		}
	}
);

test(
	'what the site owner must fix is logged, without the key',
	static function (): void {
		configure_site();
		upstream( 401, array( 'message' => 'bad key ' . TEST_KEY ) );
		$before = strlen( logged() );
		post_session( array( 'agentId' => AGENT ) );
		$line = substr( logged(), $before );
		assert_contains( 'iwy-agent: iwy rejected the API key (HTTP 401)', $line );
		assert_no_key( $line );
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
			json_encode( array( 'agentId' => AGENT, 'context' => json_decode( str_repeat( '{"a":', 40 ) . '1' . str_repeat( '}', 40 ), true ) ) ),
		);
		foreach ( $bodies as $body ) {
			assert_error( post_session( $body ), 400, 'invalid-request' );
		}
		$huge = json_encode( array( 'agentId' => AGENT, 'context' => array( 'x' => str_repeat( 'a', 17000 ) ) ) );
		assert_error( post_session( $huge ), 413, 'payload-too-large' );
		foreach ( array( '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x' ) as $type ) {
			assert_error( post_session( array( 'agentId' => AGENT ), array( 'Origin' => SITE_ORIGIN ), $type ), 415, 'unsupported-media-type' );
		}
		assert_error( post_session( array( 'agentId' => '00000000-0000-4000-8000-000000000000' ) ), 404, 'agent-not-found' );
		assert_same( array(), WP::$http_calls, 'no upstream call' );
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
