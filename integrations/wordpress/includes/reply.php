<?php
/**
 * JSON answers of the session route, with the error codes and statuses of iwy-agent/server
 * (src/server/error-codes.ts), so a site can switch backends without the element noticing.
 *
 * @package IwyAgent
 */

namespace IwyAgent;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Every answer is uncacheable: it carries a single-use token or a per-visitor error. */
final class Reply {
	/** Error code => HTTP status. The element maps statuses onto its own codes. */
	const STATUS = array(
		'invalid-request'        => 400,
		'session-unauthorized'   => 403,
		'origin-not-allowed'     => 403,
		'agent-not-found'        => 404,
		'payload-too-large'      => 413,
		'unsupported-media-type' => 415,
		'session-rate-limited'   => 429,
		'internal-error'         => 500,
		'upstream-unauthorized'  => 502,
		'upstream-error'         => 502,
		'upstream-timeout'       => 504,
	);

	public static function json( int $status, array $body, array $headers = array() ): \WP_REST_Response {
		$response = new \WP_REST_Response( $body, $status );
		$response->header( 'Cache-Control', 'no-store' );
		foreach ( $headers as $name => $value ) {
			$response->header( $name, $value );
		}
		return $response;
	}

	/** The contract's failure shape: { error: code, message }, the message ours, never iwy's. */
	public static function error( string $code, ?string $message = null, array $headers = array() ): \WP_REST_Response {
		$body = array(
			'error'   => $code,
			'message' => $message ?? self::message( $code ),
		);
		return self::json( self::STATUS[ $code ], $body, $headers );
	}

	private static function message( string $code ): string {
		switch ( $code ) {
			case 'invalid-request':
				return __( 'Send POST JSON {"agentId": "<uuid>" | "demo", "context"?: {…}}.', 'iwy-agent' );
			case 'session-unauthorized':
				return __( 'You may not start this agent.', 'iwy-agent' );
			case 'origin-not-allowed':
				return __( 'This origin may not start sessions here.', 'iwy-agent' );
			case 'agent-not-found':
				return __( 'No such agent, or it has expired.', 'iwy-agent' );
			case 'payload-too-large':
				return __( 'The request body is too large.', 'iwy-agent' );
			case 'unsupported-media-type':
				return __( 'Send Content-Type: application/json.', 'iwy-agent' );
			case 'session-rate-limited':
				return __( 'Too many session requests; try again later.', 'iwy-agent' );
			case 'upstream-unauthorized':
				return __( 'This site cannot start sessions right now.', 'iwy-agent' );
			case 'upstream-error':
				return __( 'The agent service failed; try again.', 'iwy-agent' );
			case 'upstream-timeout':
				return __( 'The agent service did not answer in time.', 'iwy-agent' );
			default:
				return __( 'The session could not be started.', 'iwy-agent' );
		}
	}
}
