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
 * Starts a session through WordPress's HTTP API and maps iwy's answer the way iwy-agent/server
 * does. Only the session fields are passed on: an upstream body could echo request details.
 * What the site owner must fix goes to the PHP error log, never with the key.
 */
final class Upstream {
	const TIMEOUT_SECONDS     = 10;
	const DEFAULT_RETRY_AFTER = 10;
	const MAX_FIELD_LENGTH    = 8192;

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
			$timeout = 1 === preg_match( '/timed? ?out/i', $response->get_error_message() );
			self::log( 'start-agent-session failed: ' . ( $timeout ? 'timed out' : 'iwy could not be reached' ) );
			return Reply::error( $timeout ? 'upstream-timeout' : 'upstream-error' );
		}

		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( $status >= 200 && $status < 300 ) {
			$session = self::pick_session( json_decode( (string) wp_remote_retrieve_body( $response ), true ) );
			if ( null === $session ) {
				self::log( 'start-agent-session answered neither a Daily room nor a webrtcUrl' );
				return Reply::error( 'upstream-error' );
			}
			return Reply::json( 200, $session );
		}
		switch ( $status ) {
			case 401:
			case 403:
				self::log( "iwy rejected the API key (HTTP {$status}): it is wrong or revoked. Check Settings → iwy Agent." );
				return Reply::error( 'upstream-unauthorized' );
			case 404:
			case 410:
				return Reply::error( 'agent-not-found' );
			case 429:
				$wait = self::retry_after( (string) wp_remote_retrieve_header( $response, 'retry-after' ) );
				return Reply::error( 'session-rate-limited', null, array( 'Retry-After' => (string) $wait ) );
		}
		self::log( "start-agent-session failed (HTTP {$status})" );
		return Reply::error( 'upstream-error' );
	}

	/**
	 * A Daily room (http(s) roomUrl + dailyToken) or a SmallWebRTC offer URL, plus sessionId and
	 * expiresAt when present; null when the answer has neither transport.
	 *
	 * @param mixed $answer Decoded JSON.
	 */
	private static function pick_session( $answer ): ?array {
		if ( ! is_array( $answer ) ) {
			return null;
		}
		if ( self::is_http_url( $answer['roomUrl'] ?? null ) && self::is_text( $answer['dailyToken'] ?? null ) ) {
			$session = array(
				'roomUrl'    => $answer['roomUrl'],
				'dailyToken' => $answer['dailyToken'],
			);
		} elseif ( self::is_http_url( $answer['webrtcUrl'] ?? null ) ) {
			$session = array( 'webrtcUrl' => $answer['webrtcUrl'] );
		} else {
			return null;
		}
		foreach ( array( 'sessionId', 'expiresAt' ) as $field ) {
			if ( self::is_text( $answer[ $field ] ?? null ) ) {
				$session[ $field ] = $answer[ $field ];
			}
		}
		return $session;
	}

	/** @param mixed $value */
	private static function is_text( $value ): bool {
		return is_string( $value ) && '' !== $value && strlen( $value ) <= self::MAX_FIELD_LENGTH;
	}

	/** @param mixed $value */
	private static function is_http_url( $value ): bool {
		$scheme = self::is_text( $value ) ? wp_parse_url( $value, PHP_URL_SCHEME ) : null;
		return in_array( is_string( $scheme ) ? strtolower( $scheme ) : '', array( 'http', 'https' ), true );
	}

	/** Retry-After as whole seconds (delta or HTTP date), kept within 1..3600. */
	public static function retry_after( string $value ): int {
		$value = trim( $value );
		if ( 1 === preg_match( '/^\d+$/D', $value ) ) {
			$seconds = (int) $value;
		} elseif ( '' !== $value && false !== strtotime( $value ) ) {
			$seconds = strtotime( $value ) - time();
		} else {
			$seconds = self::DEFAULT_RETRY_AFTER;
		}
		return max( 1, min( 3600, $seconds ) );
	}

	private static function log( string $message ): void {
		error_log( 'iwy-agent: ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner must see these.
	}
}
