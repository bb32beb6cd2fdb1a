<?php
/**
 * JSON answers of the session route.
 *
 * @package IwyAgent
 */

namespace IwyAgent;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Every answer is uncacheable: it carries a single-use token or a per-visitor error. */
final class Reply {
	public static function json( int $status, array $body, array $headers = array() ): \WP_REST_Response {
		$response = new \WP_REST_Response( $body, $status );
		$response->header( 'Cache-Control', 'no-store' );
		foreach ( $headers as $name => $value ) {
			$response->header( $name, $value );
		}
		return $response;
	}

	/** The session contract's failure shape: { error: code, message }. */
	public static function error( int $status, string $code, string $message, array $headers = array() ): \WP_REST_Response {
		return self::json(
			$status,
			array(
				'error'   => $code,
				'message' => $message,
			),
			$headers
		);
	}
}
