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
	const MAX_BODY_BYTES = 8192;
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
	}

	public static function handle( \WP_REST_Request $request ): \WP_REST_Response {
		if ( ! self::same_origin( (string) $request->get_header( 'origin' ) ) ) {
			return Reply::error( 403, 'session-unauthorized', __( 'Sessions can be started only from this site.', 'iwy-agent' ) );
		}
		$wait = self::rate_limit_wait();
		if ( $wait > 0 ) {
			return Reply::error( 429, 'session-rate-limited', __( 'Too many sessions were started. Please try again shortly.', 'iwy-agent' ), array( 'Retry-After' => (string) $wait ) );
		}

		// Parsed here rather than by get_json_params(), which ignores bodies not sent as application/json.
		$raw = (string) $request->get_body();
		if ( strlen( $raw ) > self::MAX_BODY_BYTES ) {
			return Reply::error( 413, 'session-request-failed', __( 'The session request is too large.', 'iwy-agent' ) );
		}
		$input    = json_decode( $raw, true, self::MAX_JSON_DEPTH );
		$agent_id = is_array( $input ) ? ( $input['agentId'] ?? null ) : null;
		if ( ! Settings::is_agent_id( $agent_id ) ) {
			return Reply::error( 400, 'session-request-failed', __( 'agentId must be an agent id (a UUID) or "demo".', 'iwy-agent' ) );
		}
		$context = $input['context'] ?? null;
		if ( null !== $context && ! self::is_json_object( $context ) ) {
			return Reply::error( 400, 'session-request-failed', __( 'context must be a JSON object.', 'iwy-agent' ) );
		}

		$agent_id = strtolower( $agent_id );
		if ( ! in_array( $agent_id, Settings::allowed_agents(), true ) ) {
			return Reply::error( 403, 'session-unauthorized', __( 'This agent may not be started from this site.', 'iwy-agent' ) );
		}
		$key = Settings::api_key();
		if ( '' === $key ) {
			return Reply::error( 502, 'upstream-unauthorized', __( 'The site has no iwy API key configured.', 'iwy-agent' ) );
		}

		$body = array( 'agentId' => $agent_id );
		if ( ! empty( $context ) ) {
			$body['context'] = $context;
		}
		/**
		 * Filters what is sent to iwy's start-agent-session, e.g. to add per-visitor context.
		 * Return a WP_Error to refuse the session; its message is shown to the visitor.
		 *
		 * @param array            $body    { agentId, context? }.
		 * @param \WP_REST_Request $request The visitor's request.
		 */
		$body = apply_filters( 'iwy_agent_session_body', $body, $request );
		if ( is_wp_error( $body ) ) {
			return Reply::error( 403, 'session-unauthorized', $body->get_error_message() );
		}
		if ( ! is_array( $body ) || ! Settings::is_agent_id( $body['agentId'] ?? null ) ) {
			return Reply::error( 500, 'session-request-failed', __( 'The site could not prepare the session request.', 'iwy-agent' ) );
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
