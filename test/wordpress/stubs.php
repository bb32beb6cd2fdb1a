<?php
/**
 * The slice of WordPress the plugin touches, stubbed with WordPress's documented behaviour and
 * recording what the plugin asked for (functions in stubs-functions.php). Tests reset the mutable
 * state through WP::reset().
 */

define( 'ABSPATH', __DIR__ . '/' );

final class WP {
	public static array $options      = array();
	public static array $autoload     = array();
	public static array $transients   = array();
	public static array $filters      = array();
	public static array $shortcodes   = array();
	public static array $routes       = array();
	public static array $blocks       = array();
	public static array $settings     = array();
	public static array $pages        = array();
	public static array $errors       = array();
	public static array $scripts      = array();
	public static array $enqueued     = array();
	public static array $http_calls   = array();
	public static array $activation   = array();
	/** @var callable(string, array): (array|WP_Error) */
	public static $http;
	public static bool $can           = false;
	public static string $home        = 'https://example.test';
	private static array $boot_filters = array();

	/** Remembers the hooks the plugin registered at load so each test starts from them. */
	public static function boot(): void {
		self::$boot_filters = self::$filters;
	}

	public static function reset(): void {
		self::$options    = array();
		self::$autoload   = array();
		self::$transients = array();
		self::$filters    = self::$boot_filters;
		self::$errors     = array();
		self::$enqueued   = array();
		self::$http_calls = array();
		self::$http       = static function () {
			throw new RuntimeException( 'unexpected HTTP call' );
		};
		self::$can        = false;
		self::$home       = 'https://example.test';
		$_POST            = array();
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
	}
}

class WP_Error {
	private string $code;
	private string $message;
	public function __construct( string $code = '', string $message = '' ) {
		$this->code    = $code;
		$this->message = $message;
	}
	public function get_error_code(): string {
		return $this->code;
	}
	public function get_error_message(): string {
		return $this->message;
	}
}

class WP_REST_Request {
	private string $method;
	private string $route;
	private array $headers = array();
	private string $body   = '';
	public function __construct( string $method = '', string $route = '' ) {
		$this->method = $method;
		$this->route  = $route;
	}
	/** WordPress canonicalises header names: lower case, dashes as underscores. */
	private static function canonical( string $name ): string {
		return str_replace( '-', '_', strtolower( $name ) );
	}
	public function set_header( string $name, string $value ): void {
		$this->headers[ self::canonical( $name ) ] = array( $value );
	}
	public function get_header( string $name ): ?string {
		$values = $this->headers[ self::canonical( $name ) ] ?? null;
		return null === $values ? null : implode( ',', $values );
	}
	public function set_body( string $body ): void {
		$this->body = $body;
	}
	public function get_body(): string {
		return $this->body;
	}
	public function get_method(): string {
		return $this->method;
	}
	/** As WordPress: the lower-cased media type without parameters, or null. */
	public function get_content_type(): ?array {
		$value = (string) $this->get_header( 'Content-Type' );
		$value = strtolower( trim( explode( ';', $value, 2 )[0] ) );
		return false === strpos( $value, '/' ) ? null : array( 'value' => $value );
	}
	public function get_route(): string {
		return $this->route;
	}
}

class WP_REST_Response {
	private $data;
	private int $status;
	private array $headers;
	public function __construct( $data = null, int $status = 200, array $headers = array() ) {
		$this->data    = $data;
		$this->status  = $status;
		$this->headers = $headers;
	}
	public function header( string $key, string $value, bool $replace = true ): void {
		$this->headers[ $key ] = $replace || ! isset( $this->headers[ $key ] ) ? $value : $this->headers[ $key ] . ', ' . $value;
	}
	public function get_headers(): array {
		return $this->headers;
	}
	public function get_data() {
		return $this->data;
	}
	public function get_status(): int {
		return $this->status;
	}
}

require __DIR__ . '/stubs-functions.php';
