<?php
/**
 * The customer-backend call: iwy's start-agent-session with the site's key.
 *
 * @package IwyAgent
 */

namespace IwyAgent;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Starts a session through WordPress's HTTP API and maps iwy's answer onto the session contract.
 * Nothing upstream sends is passed on except the five session fields: an upstream error body
 * could echo request details, so failures get our own messages.
 */
final class Upstream {
	const SESSION_FIELDS      = array( 'roomUrl', 'dailyToken', 'webrtcUrl', 'sessionId', 'expiresAt' );
	const TIMEOUT_SECONDS     = 10;
	const DEFAULT_RETRY_AFTER = 60;

	/** @param array{agentId: string, context?: array} $body */
	public static function start_session( string $base_url, string $key, array $body ): \WP_REST_Response {
		$response = wp_remote_post(
			$base_url . '/start-agent-session',
			array(
				'timeout'     => self::TIMEOUT_SECONDS,
				'redirection' => 0,
				'headers'     => array(
					'Authorization' => 'Bearer ' . $key,
					'Content-Type'  => 'application/json',
					'Accept'        => 'application/json',
				),
				'body'        => wp_json_encode( $body ),
				'data_format' => 'body',
			)
		);
		if ( is_wp_error( $response ) ) {
			return Reply::error( 502, 'session-request-failed', __( 'The iwy service could not be reached.', 'iwy-agent' ) );
		}

		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( $status >= 200 && $status < 300 ) {
			return self::success( (string) wp_remote_retrieve_body( $response ) );
		}
		switch ( $status ) {
			case 401:
				// The visitor did nothing wrong: the site's key is missing, wrong or revoked.
				return Reply::error( 502, 'upstream-unauthorized', __( 'The site could not authenticate with iwy.', 'iwy-agent' ) );
			case 403:
				return Reply::error( 403, 'session-unauthorized', __( 'This agent may not be started.', 'iwy-agent' ) );
			case 404:
			case 410:
				return Reply::error( 404, 'agent-not-found', __( 'This agent does not exist or has expired.', 'iwy-agent' ) );
			case 429:
				$wait = self::retry_after( (string) wp_remote_retrieve_header( $response, 'retry-after' ) );
				return Reply::error( 429, 'session-rate-limited', __( 'Too many sessions were started. Please try again shortly.', 'iwy-agent' ), array( 'Retry-After' => (string) $wait ) );
		}
		if ( $status >= 400 && $status < 500 ) {
			return Reply::error( 400, 'session-request-failed', __( 'iwy refused the session request.', 'iwy-agent' ) );
		}
		return Reply::error( 502, 'session-request-failed', __( 'The iwy service failed to start a session.', 'iwy-agent' ) );
	}

	/** Passes on only the session fields; an answer without a usable transport is an upstream fault. */
	private static function success( string $raw ): \WP_REST_Response {
		$data    = json_decode( $raw, true );
		$session = array();
		foreach ( self::SESSION_FIELDS as $field ) {
			if ( is_array( $data ) && isset( $data[ $field ] ) && is_string( $data[ $field ] ) && '' !== $data[ $field ] ) {
				$session[ $field ] = $data[ $field ];
			}
		}
		$daily = isset( $session['roomUrl'], $session['dailyToken'] );
		if ( ! $daily && ! isset( $session['webrtcUrl'] ) ) {
			return Reply::error( 502, 'session-request-failed', __( 'The iwy service answered without a session.', 'iwy-agent' ) );
		}
		return Reply::json( 200, $session );
	}

	/** Retry-After as whole seconds (delta or HTTP date), kept within 1..3600. */
	public static function retry_after( string $value ): int {
		$value = trim( $value );
		if ( 1 === preg_match( '/^\d+$/', $value ) ) {
			$seconds = (int) $value;
		} elseif ( '' !== $value && false !== strtotime( $value ) ) {
			$seconds = strtotime( $value ) - time();
		} else {
			$seconds = self::DEFAULT_RETRY_AFTER;
		}
		return max( 1, min( 3600, $seconds ) );
	}
}
