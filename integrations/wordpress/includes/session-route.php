<?php
/**
 * POST /wp-json/iwy-agent/v1/session: the customer backend of the session contract.
 *
 * @package IwyAgent
 */

namespace IwyAgent;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Visitors are anonymous, so the route is public; what bounds it is a same-origin check, a
 * per-IP rate limit and the allowed agents. Every refusal happens before iwy is called.
 */
final class SessionRoute {
	const NAMESPACE      = 'iwy-agent/v1';
	const ROUTE          = '/session';
	const MAX_BODY_BYTES = 16384;
	const MAX_JSON_DEPTH = 16;
	const WINDOW_SECONDS = 60;

	public static function register(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( self::class, 'handle' ),
				// The checks live in handle() so that refusals keep the { error, message } shape.
				'permission_callback' => '__return_true',
			)
		);
		add_filter( 'rest_request_before_callbacks', array( self::class, 'own_json_errors' ), 10, 3 );
	}

	/**
	 * WordPress refuses a malformed JSON body before our callback runs, in its own error shape;
	 * clearing that error lets handle() refuse it in the contract's shape.
	 *
	 * @param mixed            $response Null, or the error WordPress found so far.
	 * @param array            $handler  The matched route handler.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public static function own_json_errors( $response, $handler, $request ) {
		$ours = '/' . self::NAMESPACE . self::ROUTE === $request->get_route();
		return $ours && is_wp_error( $response ) && 'rest_invalid_json' === $response->get_error_code() ? null : $response;
	}

	public static function handle( \WP_REST_Request $request ): \WP_REST_Response {
		if ( ! self::same_origin( (string) $request->get_header( 'origin' ) ) ) {
			return Reply::error( 'origin-not-allowed' );
		}
		$wait = self::rate_limit_wait();
		if ( $wait > 0 ) {
			return Reply::error( 'session-rate-limited', null, array( 'Retry-After' => (string) $wait ) );
		}

		$type = $request->get_content_type();
		if ( ! is_array( $type ) || 'application/json' !== $type['value'] ) {
			return Reply::error( 'unsupported-media-type' );
		}
		$raw = (string) $request->get_body();
		if ( strlen( $raw ) > self::MAX_BODY_BYTES ) {
			return Reply::error( 'payload-too-large' );
		}
		$input = json_decode( $raw, true, self::MAX_JSON_DEPTH );
		if ( ! self::is_json_object( $input ) ) {
			return Reply::error( 'invalid-request', __( 'The body must be a JSON object.', 'iwy-agent' ) );
		}
		$agent_id = $input['agentId'] ?? null;
		if ( ! Settings::is_agent_id( $agent_id ) ) {
			return Reply::error( 'invalid-request', __( 'agentId must be a UUID or "demo".', 'iwy-agent' ) );
		}
		$context = $input['context'] ?? null;
		if ( null !== $context && ! self::is_json_object( $context ) ) {
			return Reply::error( 'invalid-request', __( 'context must be a JSON object.', 'iwy-agent' ) );
		}

		$agent_id = strtolower( $agent_id );
		if ( ! in_array( $agent_id, Settings::allowed_agents(), true ) ) {
			return Reply::error( 'agent-not-found' );
		}
		$key = Settings::api_key();
		if ( '' === $key ) {
			error_log( 'iwy-agent: no API key is configured (Settings → iwy Agent)' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			return Reply::error( 'upstream-unauthorized' );
		}

		$body = array( 'agentId' => $agent_id );
		if ( ! empty( $context ) ) {
			$body['context'] = $context;
		}
		/**
		 * Filters what is sent to iwy's start-agent-session, e.g. to add per-visitor context.
		 * Return a WP_Error to refuse the session (403 session-unauthorized, its message shown).
		 *
		 * @param array            $body    { agentId, context? }.
		 * @param \WP_REST_Request $request The visitor's request.
		 */
		$body = apply_filters( 'iwy_agent_session_body', $body, $request );
		if ( is_wp_error( $body ) ) {
			return Reply::error( 'session-unauthorized', $body->get_error_message() );
		}
		if ( ! is_array( $body ) || ! Settings::is_agent_id( $body['agentId'] ?? null ) ) {
			return Reply::error( 'internal-error' );
		}
		return Upstream::start_session( Settings::get()['base_url'], $key, $body );
	}

	/** @param mixed $value A decoded JSON value; {} decodes to an empty array. */
	private static function is_json_object( $value ): bool {
		return is_array( $value ) && ( array() === $value || array_keys( $value ) !== range( 0, count( $value ) - 1 ) );
	}

	/** The Origin header must name this site (or an origin added by the iwy_agent_allowed_origins filter). */
	private static function same_origin( string $origin ): bool {
		$origin  = self::origin_of( $origin );
		$allowed = array_map( array( self::class, 'origin_of' ), (array) apply_filters( 'iwy_agent_allowed_origins', array( home_url() ) ) );
		return '' !== $origin && in_array( $origin, $allowed, true );
	}

	/** scheme://host[:port], lower-cased, default ports dropped; '' when $url has no scheme and host. */
	public static function origin_of( string $url ): string {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return '';
		}
		$scheme  = strtolower( $parts['scheme'] );
		$port    = (int) ( $parts['port'] ?? 0 );
		$default = ( 'https' === $scheme && 443 === $port ) || ( 'http' === $scheme && 80 === $port );
		return $scheme . '://' . strtolower( $parts['host'] ) . ( $port && ! $default ? ':' . $port : '' );
	}

	/**
	 * Counts this request against the visitor's IP in a fixed window kept in a transient (not atomic:
	 * a burst can slip a request or two past the limit, which is fine for abuse damping).
	 *
	 * @return int Seconds to wait, or 0 when the request may go on.
	 */
	private static function rate_limit_wait(): int {
		$limit = (int) apply_filters( 'iwy_agent_rate_limit', Settings::get()['rate_limit'] );
		// Behind a proxy, sites pass the visitor's address through iwy_agent_client_ip.
		$ip  = (string) apply_filters( 'iwy_agent_client_ip', $_SERVER['REMOTE_ADDR'] ?? '' ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		$key = 'iwy_agent_rl_' . substr( hash_hmac( 'sha256', $ip, wp_salt( 'nonce' ) ), 0, 32 );
		$now = time();

		$window = get_transient( $key );
		if ( ! is_array( $window ) || (int) ( $window['reset'] ?? 0 ) <= $now ) {
			$window = array(
				'count' => 0,
				'reset' => $now + self::WINDOW_SECONDS,
			);
		}
		if ( $window['count'] >= $limit ) {
			return $window['reset'] - $now;
		}
		++$window['count'];
		set_transient( $key, $window, $window['reset'] - $now );
		return 0;
	}
}
